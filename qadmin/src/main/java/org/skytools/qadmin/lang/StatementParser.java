package org.skytools.qadmin.lang;

import java.util.ArrayList;
import java.util.List;

/**
 * The recursive-descent parser of the qadmin language (cli.md §4). It has no side effects and
 * needs neither a terminal nor a database: it turns text into {@link Statement}s, reports syntax
 * errors with the offending position and what was expected there, and tells completion what may
 * come next at a cursor. Anything that is not a qadmin command is plain SQL, passed through as
 * written up to its {@code ;}.
 */
public final class StatementParser {
    /** The words that start a qadmin command, in the order completion offers them. */
    static final List<String> COMMANDS = List.of(
            "alter",
            "connect",
            "create",
            "drop",
            "exit",
            "install",
            "londiste",
            "register",
            "select",
            "show",
            "unregister");

    private final Tokenizer tokenizer = new Tokenizer();

    /**
     * Parses a script ({@code -c} or {@code -f}): the end of the text ends the last statement.
     *
     * @throws SyntaxError at the first word that does not fit
     */
    public List<Statement> parseScript(String source) {
        return parse(source, true);
    }

    /**
     * Parses console input: every statement needs its {@code ;}. A {@link SyntaxError} with {@link
     * SyntaxError#atEnd()} means the input stopped inside a statement and more lines may finish it.
     */
    public List<Statement> parseInteractive(String source) {
        return parse(source, false);
    }

    private List<Statement> parse(String source, boolean endTerminates) {
        List<Token> tokens = tokenizer.tokenize(source);
        if (!tokens.isEmpty() && !tokens.get(tokens.size() - 1).terminated()) {
            Token open = tokens.get(tokens.size() - 1);
            String what = open.type() == TokenType.IDENT ? "name" : "string";
            throw SyntaxError.atEnd(open.start(), "unterminated quoted " + what);
        }
        TokenCursor c = new TokenCursor(source, tokens, source.length(), endTerminates);
        List<Statement> statements = new ArrayList<>();
        while (true) {
            skipEmpty(c);
            if (c.atEnd()) {
                return statements;
            }
            statements.add(statement(c));
        }
    }

    /** What may be typed at {@code cursor} in {@code source}, judged from the text left of it. */
    public Completion complete(String source, int cursor) {
        String before = source.substring(0, cursor);
        List<Token> tokens = tokenizer.tokenize(before);
        int wordStart = cursor;
        if (!tokens.isEmpty()) {
            Token last = tokens.get(tokens.size() - 1);
            if (last.end() == cursor && last.type() != TokenType.SYMBOL) {
                wordStart = last.start();
                tokens = tokens.subList(0, tokens.size() - 1);
            }
        }
        String word = before.substring(wordStart);
        TokenCursor c = new TokenCursor(before, tokens, wordStart, false);
        try {
            while (true) {
                skipEmpty(c);
                // at the end this throws, listing what the grammar tried there
                statement(c);
            }
        } catch (SyntaxError e) {
            return new Completion(wordStart, word, e.atEnd() ? e.expected() : List.of());
        }
    }

    private static void skipEmpty(TokenCursor c) {
        while (!c.atEnd() && c.peek().isSymbol(";")) {
            c.take();
        }
    }

    private static Statement statement(TokenCursor c) {
        Token first = c.atEnd() ? null : c.peek();
        if (first != null && first.type() == TokenType.META) {
            return meta(c);
        }
        for (String command : COMMANDS) {
            if (c.acceptKeyword(command)) {
                return command(command, first, c);
            }
        }
        return sql(c, first);
    }

    private static Statement command(String command, Token first, TokenCursor c) {
        return switch (command) {
            case "alter" -> AdminRules.alter(c, first);
            case "connect" -> AdminRules.connect(c);
            case "create" -> AdminRules.create(c, first);
            case "drop" -> AdminRules.drop(c, first);
            case "exit" -> {
                c.end();
                yield new Statement.Exit();
            }
            case "install" -> AdminRules.install(c);
            case "londiste" -> LondisteRules.londiste(c);
            case "register" -> ConsumerRules.register(c);
            case "show" -> ShowRules.show(c);
            case "unregister" -> ConsumerRules.unregister(c);
            default -> sql(c, first);
        };
    }

    private static Statement meta(TokenCursor c) {
        Token token = c.take();
        if (!token.text().equals("\\q") && !token.text().equals("\\quit")) {
            throw SyntaxError.custom(
                    token, "unknown command \"" + token.text() + "\"; use \\q or exit; to quit, show help; for help");
        }
        c.acceptSymbol(";");
        return new Statement.Exit();
    }

    /**
     * Plain SQL from {@code first} up to the next {@code ;}. The text goes to the server as written,
     * so the tokens only serve to find the end (a {@code ;} inside a string or {@code $$} body
     * does not count).
     */
    static Statement sql(TokenCursor c, Token first) {
        if (first == null) {
            throw c.error();
        }
        int end = first.end();
        while (true) {
            if (c.atEnd()) {
                if (c.endTerminates()) {
                    break;
                }
                // no ";" offered here: completion inside SQL has nothing to say
                throw c.error();
            }
            if (c.peek().isSymbol(";")) {
                c.take();
                break;
            }
            Token token = c.take();
            if (token.start() >= first.start()) {
                end = token.end();
            }
        }
        return new Statement.Sql(c.source().substring(first.start(), end), first.start());
    }
}
