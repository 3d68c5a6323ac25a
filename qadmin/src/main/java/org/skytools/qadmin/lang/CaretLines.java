package org.skytools.qadmin.lang;

import java.util.List;

/**
 * Renders the line of the source holding an error with a caret under the offending column, as
 * psql does: {@code LINE 2: show foo;} and {@code              ^} below it.
 */
public final class CaretLines {
    private CaretLines() {}

    /** The two lines pointing at {@code position} of {@code source}. */
    public static List<String> render(String source, int position) {
        int pos = Math.max(0, Math.min(position, source.length()));
        int lineStart = source.lastIndexOf('\n', pos - 1) + 1;
        int lineEnd = source.indexOf('\n', pos);
        if (lineEnd < 0) {
            lineEnd = source.length();
        }
        int lineNumber = 1;
        for (int i = 0; i < lineStart; i++) {
            if (source.charAt(i) == '\n') {
                lineNumber++;
            }
        }
        String prefix = "LINE " + lineNumber + ": ";
        String line = source.substring(lineStart, lineEnd).replace('\t', ' ').stripTrailing();
        return List.of(prefix + line, " ".repeat(prefix.length() + (pos - lineStart)) + "^");
    }
}
