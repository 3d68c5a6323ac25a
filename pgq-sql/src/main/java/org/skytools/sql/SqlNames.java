package org.skytools.sql;

/** Quoting of SQL identifiers for the statements this package builds; the one place it happens. */
final class SqlNames {
    private SqlNames() {}

    /** An identifier in double quotes, with embedded quotes doubled. */
    static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
