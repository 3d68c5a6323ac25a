package org.skytools.qadmin.exec;

import java.util.Locale;

/**
 * The status line printed after a statement that returns no rows, shaped like the server's
 * command tag ({@code INSERT 0 3}, {@code UPDATE 2}, {@code CREATE TABLE}). pgjdbc does not expose
 * the tag itself, so it is rebuilt from the statement's first words and the update count.
 */
final class CommandTag {
    private CommandTag() {}

    static String of(String sql, long updateCount) {
        String[] words = sql.strip().split("[\\s(;]+", 4);
        String verb = words.length > 0 ? words[0].toUpperCase(Locale.ROOT) : "";
        String second = words.length > 1 ? words[1].toUpperCase(Locale.ROOT) : "";
        switch (verb) {
            case "INSERT":
                return "INSERT 0 " + Math.max(updateCount, 0);
            case "UPDATE", "DELETE", "MERGE", "COPY", "MOVE", "FETCH":
                return verb + " " + Math.max(updateCount, 0);
            case "CREATE", "DROP", "ALTER":
                if ((second.equals("UNIQUE") || second.equals("OR")) && words.length > 2) {
                    // CREATE UNIQUE INDEX and CREATE OR REPLACE FUNCTION report the object kind
                    return verb + " " + objectAfter(sql, second);
                }
                return second.isEmpty() ? verb : verb + " " + second;
            default:
                return verb;
        }
    }

    private static String objectAfter(String sql, String second) {
        String[] words = sql.strip().toUpperCase(Locale.ROOT).split("[\\s(;]+");
        int skip = second.equals("OR") ? 3 : 2;
        return words.length > skip ? words[skip] : second;
    }
}
