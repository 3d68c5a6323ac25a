package org.skytools.qadmin.console;

import java.util.ArrayList;
import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.skytools.qadmin.lang.Completion;
import org.skytools.qadmin.lang.StatementParser;
import org.skytools.qadmin.lang.SyntaxError;
import org.skytools.qadmin.lang.Token;
import org.skytools.qadmin.lang.Tokenizer;

/**
 * Tells JLine where words begin (by qadmin's own tokenizer, so {@code dbname=} and quoted names
 * complete properly) and when a line is not finished: Enter inside an open statement or quote
 * asks for another line, as psql does.
 */
final class LineParser implements Parser {
    private final StatementParser parser;
    private final Tokenizer tokenizer = new Tokenizer();

    LineParser(StatementParser parser) {
        this.parser = parser;
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !line.isBlank()) {
            try {
                parser.parseInteractive(line);
            } catch (SyntaxError e) {
                if (e.atEnd()) {
                    throw new EOFError(-1, -1, e.getMessage(), ";");
                }
                // other errors are reported when the line runs
            }
        }
        Completion completion = parser.complete(line, cursor);
        List<String> words = new ArrayList<>();
        for (Token t : tokenizer.tokenize(line.substring(0, completion.wordStart()))) {
            words.add(t.text());
        }
        words.add(completion.word());
        return new Input(completion.word(), completion.word().length(), words.size() - 1, words, line, cursor);
    }

    /**
     * A line as JLine sees it: the word at the cursor is the one being completed. Candidates are
     * inserted as they are: names come already quoted from {@link NameLookup}.
     */
    record Input(String word, int wordCursor, int wordIndex, List<String> words, String line, int cursor)
            implements CompletingParsedLine {
        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate;
        }

        @Override
        public int rawWordCursor() {
            return wordCursor;
        }

        @Override
        public int rawWordLength() {
            return word.length();
        }
    }
}
