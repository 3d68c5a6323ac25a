package org.skytools.sql;

/**
 * A database schema shipped as SQL resources. Each has a resource directory holding {@code VERSION},
 * {@code install.sql} and {@code upgrade.sql}, and answers {@code <schema>.version()} once installed.
 * The order of the constants is the install order: a schema comes after the ones it needs.
 */
public enum SqlSchema {
    /** The PgQ core queue. */
    PGQ("pgq");

    private static final String ROOT = "org/skytools/sql/";

    private final String schemaName;

    SqlSchema(String schemaName) {
        this.schemaName = schemaName;
    }

    /** The schema's name in the database, for example {@code pgq}. */
    public String schemaName() {
        return schemaName;
    }

    /** Classpath directory of the schema's resources, without a trailing slash. */
    public String resourceDir() {
        return ROOT + schemaName;
    }

    /** Classpath path of a file in the schema's resource directory. */
    public String resource(String file) {
        return resourceDir() + "/" + file;
    }
}
