package org.skytools.sql;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A database schema shipped as SQL resources. Each has a resource directory holding {@code VERSION},
 * {@code install.sql} and {@code upgrade.sql}, and answers {@code <schema>.version()} once installed.
 * The order of the constants is the install order: a schema comes after the ones it needs.
 */
public enum SqlSchema {
    /** The PgQ core queue. */
    PGQ("pgq"),
    /** Cascaded queues: the same queue on several nodes. */
    PGQ_NODE("pgq_node", PGQ),
    /** Cooperative consumers, sharing one subscription. */
    PGQ_COOP("pgq_coop", PGQ),
    /** Exactly-once tracking of batches and events in the target database (grants to pgq's roles). */
    PGQ_EXT("pgq_ext", PGQ),
    /** Table replication bookkeeping. */
    LONDISTE("londiste", PGQ, PGQ_NODE);

    private static final String ROOT = "org/skytools/sql/";

    private final String schemaName;
    private final List<SqlSchema> requires;

    SqlSchema(String schemaName, SqlSchema... requires) {
        this.schemaName = schemaName;
        this.requires = List.of(requires);
    }

    /** The schema's name in the database, for example {@code pgq}. */
    public String schemaName() {
        return schemaName;
    }

    /** Schemas that must be installed before this one, directly needed by its tables or functions. */
    public List<SqlSchema> requires() {
        return requires;
    }

    /** This schema and everything it needs, directly or not, in install order. */
    public List<SqlSchema> withRequirements() {
        Set<SqlSchema> all = EnumSet.of(this);
        for (SqlSchema r : requires) {
            all.addAll(r.withRequirements());
        }
        // EnumSet iterates in declaration order, which is the install order
        return List.copyOf(all);
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
