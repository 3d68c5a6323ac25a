package org.skytools.common.db;

import java.util.List;

/**
 * The structure of one table as the catalog describes it, enough to create it elsewhere: columns,
 * constraints, indexes, triggers, rules, grants, owner and comments. Read it with {@link
 * TableStructureReader}; turn it into DDL with {@link #minimalDdl()} or {@link #fullDdl()}.
 *
 * @param name the table
 * @param owner the owning role
 * @param unlogged whether the table is {@code UNLOGGED}
 * @param comment the table comment, or null
 * @param columns columns in attribute order
 * @param primaryKey the primary key constraint, or null
 * @param constraints other constraints (unique, check, exclusion, then foreign keys), by name
 * @param indexes indexes that do not belong to a constraint, by name
 * @param triggers user triggers (not internal ones), by name
 * @param rules rewrite rules, by name
 * @param grants table privileges, as {@code aclexplode} lists them
 * @param ownedSequences sequences owned by columns (serial and identity); never created by DDL here
 */
public record TableStructure(
        FqName name,
        String owner,
        boolean unlogged,
        String comment,
        List<Column> columns,
        Constraint primaryKey,
        List<Constraint> constraints,
        List<Index> indexes,
        List<Trigger> triggers,
        List<Rule> rules,
        List<Grant> grants,
        List<OwnedSequence> ownedSequences) {

    /** Copies the lists. */
    public TableStructure {
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
        indexes = List.copyOf(indexes);
        triggers = List.copyOf(triggers);
        rules = List.copyOf(rules);
        grants = List.copyOf(grants);
        ownedSequences = List.copyOf(ownedSequences);
    }

    /** How an identity column generates values. */
    public enum Identity {
        NONE,
        ALWAYS,
        BY_DEFAULT
    }

    /**
     * One column.
     *
     * @param name column name
     * @param type the type as {@code format_type} prints it, e.g. {@code character varying(20)}
     * @param notNull whether it is {@code NOT NULL}
     * @param defaultExpr the default expression, or null
     * @param identity identity kind
     * @param generatedExpr the expression of a {@code GENERATED ALWAYS AS (...) STORED} column, or null
     * @param collation quoted collation name when it differs from the type's, or null
     * @param comment the column comment, or null
     */
    public record Column(
            String name,
            String type,
            boolean notNull,
            String defaultExpr,
            Identity identity,
            String generatedExpr,
            String collation,
            String comment) {}

    /**
     * A table constraint.
     *
     * @param name constraint name
     * @param type {@code p}, {@code u}, {@code c}, {@code f} or {@code x} as in {@code pg_constraint.contype}
     * @param definition as {@code pg_get_constraintdef} prints it
     */
    public record Constraint(String name, char type, String definition) {}

    /** An index outside constraints; {@code definition} is {@code pg_get_indexdef}. */
    public record Index(String name, String definition) {}

    /**
     * A trigger; {@code definition} is {@code pg_get_triggerdef}, {@code enabled} is {@code
     * pg_trigger.tgenabled}: {@code O} (origin, the default), {@code D}, {@code R} or {@code A}.
     */
    public record Trigger(String name, String definition, char enabled) {}

    /** A rewrite rule; {@code definition} is {@code pg_get_ruledef} without the semicolon. */
    public record Rule(String name, String definition) {}

    /** One privilege of one grantee ({@code PUBLIC} for everyone). */
    public record Grant(String grantee, String privilege, boolean grantable) {}

    /** A sequence that belongs to a column (serial or identity). */
    public record OwnedSequence(String column, FqName sequence) {}

    /** Schema, table with plain columns (type, collation, not null) and primary key; what {@code --create} makes. */
    public List<DdlStatement> minimalDdl() {
        return TableDdl.minimal(this);
    }

    /**
     * Everything but sequences: table with identity and generated columns, defaults, constraints,
     * indexes, triggers and their enabled state, rules, owner, grants and comments; what {@code
     * --create-full} makes. Defaults come as separate statements because one may refer to a
     * sequence that does not exist on the target.
     */
    public List<DdlStatement> fullDdl() {
        return TableDdl.full(this);
    }
}
