package org.skytools.qadmin.console;

import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.skytools.qadmin.lang.Completion;
import org.skytools.qadmin.lang.Expectation;
import org.skytools.qadmin.lang.StatementParser;

/**
 * Tab completion driven by the grammar: the parser says what may come at the cursor, and names
 * are filled in from the database. JLine keeps the candidates that start with the word typed.
 */
final class StatementCompleter implements Completer {
    private final StatementParser parser;
    private final NameLookup names;

    StatementCompleter(StatementParser parser, NameLookup names) {
        this.parser = parser;
        this.names = names;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        Completion completion = parser.complete(line.line(), line.cursor());
        for (Expectation e : completion.expected()) {
            switch (e.kind()) {
                case KEYWORD -> {
                    String value = e.text() + e.suffix();
                    // "dbname=" and "idle_period='" continue right after the suffix
                    candidates.add(candidate(value, "keyword", e.suffix().isEmpty()));
                }
                case SYMBOL -> candidates.add(
                        candidate(e.text(), null, !e.text().equals(";")));
                case NAME -> {
                    for (String name : names.names(e.name())) {
                        candidates.add(candidate(name, e.name().label(), true));
                    }
                }
            }
        }
    }

    private static Candidate candidate(String value, String group, boolean complete) {
        return new Candidate(value, value, group, null, null, null, complete);
    }
}
