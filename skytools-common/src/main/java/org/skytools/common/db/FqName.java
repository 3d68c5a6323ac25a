package org.skytools.common.db;

import java.util.Objects;

/**
 * A fully qualified object name as SkyTools writes it in config and in the database: {@code
 * schema.name}, where the first dot splits and a name without a dot lives in {@code public}.
 * Names are not case-folded; quoting happens only when SQL is built.
 */
public record FqName(String schema, String name) {

    /** Validates that both parts are present. */
    public FqName {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    /** Splits {@code text} at its first dot, as {@code pgq.quote_fqname} does; no dot means {@code public}. */
    public static FqName parse(String text) {
        Objects.requireNonNull(text, "name");
        int dot = text.indexOf('.');
        if (dot < 0) {
            return new FqName("public", text);
        }
        return new FqName(text.substring(0, dot), text.substring(dot + 1));
    }

    /** The name for SQL text: {@code quote_ident(schema) || '.' || quote_ident(name)}. */
    public String quoted() {
        return Quoting.quoteIdent(schema) + "." + Quoting.quoteIdent(name);
    }

    /** The unquoted {@code schema.name} form used in config files and PgQ tables. */
    @Override
    public String toString() {
        return schema + "." + name;
    }
}
