package org.skytools.common.db;

/**
 * One DDL statement of a generated script, tagged with what it creates so that a caller can skip
 * the objects that already exist.
 *
 * @param kind what the statement creates or changes
 * @param object the name of that object (table, constraint, index, trigger, rule, role...)
 * @param sql the statement, without a trailing semicolon
 */
public record DdlStatement(Kind kind, String object, String sql) {

    /** What a statement creates or changes. */
    public enum Kind {
        SCHEMA,
        TABLE,
        SEQUENCE,
        DEFAULT,
        PRIMARY_KEY,
        CONSTRAINT,
        INDEX,
        TRIGGER,
        RULE,
        OWNER,
        GRANT,
        COMMENT
    }
}
