package org.skytools.qadmin.lang;

import java.util.List;
import java.util.stream.Collectors;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;

/**
 * A statement that does not fit the grammar. It knows where (offset in the source) and what would
 * have fitted there, so the console can point at the word with a caret and complete the input.
 * When {@link #atEnd()} holds the input simply stopped early: the console asks for more lines.
 */
public final class SyntaxError extends SkyToolsException {
    private static final long serialVersionUID = 1L;

    private final int position;
    private final boolean atEnd;
    private final transient List<Expectation> expected;

    SyntaxError(String message, int position, boolean atEnd, List<Expectation> expected) {
        super(ErrorKind.USAGE, message);
        this.position = position;
        this.atEnd = atEnd;
        this.expected = List.copyOf(expected);
    }

    /** An unexpected token: {@code syntax error at "foo": expected one of: queue, consumer}. */
    static SyntaxError at(Token token, List<Expectation> expected) {
        String where = "syntax error at \"" + token.text() + "\"";
        return new SyntaxError(where + expecting(expected), token.start(), false, expected);
    }

    /** The input ended inside a statement. */
    static SyntaxError atEnd(int position, List<Expectation> expected) {
        return new SyntaxError("syntax error at end of input" + expecting(expected), position, true, expected);
    }

    /** The input ended inside a statement, with a specific reason (an open quote, a missing ";"). */
    static SyntaxError atEnd(int position, String reason) {
        return new SyntaxError(reason, position, true, List.of());
    }

    /** A token that is wrong for a reason other than the grammar (an unknown backslash command). */
    static SyntaxError custom(Token token, String message) {
        return new SyntaxError(message, token.start(), false, List.of());
    }

    private static String expecting(List<Expectation> expected) {
        if (expected.isEmpty()) {
            return "";
        }
        if (expected.size() == 1) {
            return ": expected " + expected.get(0).describe();
        }
        return ": expected one of: "
                + expected.stream().map(Expectation::describe).collect(Collectors.joining(", "));
    }

    /** Offset in the source of the offending token, or the source length when the input ended. */
    public int position() {
        return position;
    }

    /** Whether the input ended before the statement did (more input could complete it). */
    public boolean atEnd() {
        return atEnd;
    }

    /** What the grammar would have accepted at {@link #position()}, in grammar order. */
    public List<Expectation> expected() {
        return expected;
    }
}
