package org.skytools.qadmin.lang;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The parser's view of the tokens: look at the next one, take it when it fits, and remember
 * everything that was tried at the current position. That memory is what a syntax error lists
 * and what completion offers; taking a token clears it.
 */
final class TokenCursor {
    private final String source;
    private final List<Token> tokens;
    private final int endPosition;
    private final boolean endTerminates;
    private final Set<Expectation> expected = new LinkedHashSet<>();
    private int pos;

    /**
     * @param endTerminates whether the end of the input closes the last statement like a {@code ;}
     *     (scripts from {@code -c} and {@code -f}); false for completion and interactive lines
     */
    TokenCursor(String source, List<Token> tokens, int endPosition, boolean endTerminates) {
        this.source = source;
        this.tokens = tokens;
        this.endPosition = endPosition;
        this.endTerminates = endTerminates;
    }

    String source() {
        return source;
    }

    boolean endTerminates() {
        return endTerminates;
    }

    boolean atEnd() {
        return pos >= tokens.size();
    }

    Token peek() {
        return tokens.get(pos);
    }

    Token previous() {
        return tokens.get(pos - 1);
    }

    Token take() {
        Token token = tokens.get(pos++);
        expected.clear();
        return token;
    }

    /** Records {@code e} as acceptable here; for rules that look at tokens themselves. */
    void expect(Expectation e) {
        expected.add(e);
    }

    /** Takes the keyword {@code word} if it is next. */
    boolean acceptKeyword(String word) {
        return acceptKeyword(word, "");
    }

    /** Takes the keyword {@code word} if it is next; completion offers it with {@code suffix}. */
    boolean acceptKeyword(String word, String suffix) {
        if (!atEnd() && peek().isKeyword(word)) {
            take();
            return true;
        }
        expected.add(Expectation.keyword(word, suffix));
        return false;
    }

    /** Takes {@code word} or fails. */
    void keyword(String word) {
        if (!acceptKeyword(word)) {
            throw error();
        }
    }

    /** Takes the keyword {@code word} followed by {@code =} (completion offers {@code word=} plus {@code quote}). */
    boolean acceptAssignment(String word, String quote) {
        if (acceptKeyword(word, "=" + quote)) {
            symbol("=");
            return true;
        }
        return false;
    }

    boolean acceptSymbol(String symbol) {
        if (!atEnd() && peek().isSymbol(symbol)) {
            take();
            return true;
        }
        expected.add(Expectation.symbol(symbol));
        return false;
    }

    void symbol(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw error();
        }
    }

    /** Takes a token that fits {@code kind}, if one is next. */
    Optional<Token> acceptName(NameKind kind) {
        if (!atEnd() && kind.accepts(peek())) {
            return Optional.of(take());
        }
        expected.add(Expectation.name(kind));
        return Optional.empty();
    }

    /** Takes a token that fits {@code kind} or fails. */
    Token name(NameKind kind) {
        return acceptName(kind).orElseThrow(this::error);
    }

    /** {@code *} or a name of {@code kind}, if next. */
    Optional<Statement.Target> acceptTarget(NameKind kind) {
        if (acceptSymbol("*")) {
            return Optional.of(Statement.Target.ALL);
        }
        return acceptName(kind).map(t -> new Statement.Target(t.value()));
    }

    Statement.Target target(NameKind kind) {
        return acceptTarget(kind).orElseThrow(this::error);
    }

    /**
     * A value written without spaces that the tokenizer may have split, such as {@code db-1.example.com}
     * or {@code s3cr3t!}: contiguous tokens up to whitespace or {@code ;}. A lone quoted string gives
     * its unquoted value.
     */
    String glued(NameKind kind) {
        if (atEnd() || peek().isSymbol(";")) {
            expected.add(Expectation.name(kind));
            throw error();
        }
        Token first = take();
        if (first.type() == TokenType.STRING) {
            return first.value();
        }
        int start = first.start();
        int end = first.end();
        while (!atEnd() && peek().start() == end && !peek().isSymbol(";")) {
            end = take().end();
        }
        return source.substring(start, end);
    }

    /** Takes the end of a statement: {@code ;}, or the end of the input in a script. */
    boolean acceptEnd() {
        if (acceptSymbol(";")) {
            return true;
        }
        return atEnd() && endTerminates;
    }

    void end() {
        if (!acceptEnd()) {
            throw error();
        }
    }

    /** The error for the current position, listing what was expected here. */
    SyntaxError error() {
        List<Expectation> list = new ArrayList<>(expected);
        if (atEnd()) {
            return SyntaxError.atEnd(endPosition, list);
        }
        return SyntaxError.at(peek(), list);
    }

    /** Everything tried at the current position, in grammar order. */
    List<Expectation> expected() {
        return new ArrayList<>(expected);
    }

    int position() {
        return pos;
    }
}
