package org.skytools.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.skytools.common.db.Quoting;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs or upgrades a bundled schema in a database. The installed version, as
 * {@code <schema>.version()} reports it, decides: absent schema, install; older, upgrade; equal,
 * nothing; newer, refuse. Everything happens in one transaction under an advisory lock, so two
 * installers racing on one database install the schema once and a failure leaves nothing behind.
 */
public final class SchemaInstaller {
    private static final Logger log = LoggerFactory.getLogger(SchemaInstaller.class);

    /** Advisory lock key held while installing; the bytes spell "SkyTools". */
    static final long LOCK_KEY = 0x536b79546f6f6c73L;

    private final IncludeResolver resolver;

    /** An installer reading the schemas through the given resolver. */
    public SchemaInstaller(IncludeResolver resolver) {
        this.resolver = resolver;
    }

    /** An installer reading the schemas from this module's classpath. */
    public SchemaInstaller() {
        this(new IncludeResolver());
    }

    /**
     * Brings the schema to this release's version. Commits on success and rolls back on failure;
     * the connection's pending work, if any, is committed with it.
     *
     * @return what was done
     * @throws SkyToolsException {@link ErrorKind#SCHEMA_VERSION} when the installed version is newer
     */
    public InstallOutcome apply(Connection conn, SqlSchema schema) {
        SchemaBundle bundle = SchemaBundle.load(schema, resolver);
        try {
            boolean autoCommit = conn.getAutoCommit();
            conn.setAutoCommit(false);
            try {
                InstallOutcome outcome = applyLocked(conn, bundle);
                conn.commit();
                report(outcome);
                return outcome;
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            } finally {
                conn.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new SkyToolsException(
                    ErrorKind.RUNTIME,
                    "cannot install " + schema.schemaName() + " " + bundle.version() + ": " + e.getMessage(),
                    e);
        }
    }

    /** The version of the schema installed in the database, or null when the schema is absent. */
    public SchemaVersion installedVersion(Connection conn, SqlSchema schema) throws SQLException {
        String name = schema.schemaName();
        if (!exists(conn, "select 1 from pg_catalog.pg_namespace where nspname = ?", name)) {
            return null;
        }
        if (!exists(
                conn,
                "select 1 from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace"
                        + " where n.nspname = ? and p.proname = 'version' and p.pronargs = 0",
                name)) {
            throw new SkyToolsException(
                    ErrorKind.SCHEMA_VERSION,
                    "schema \"" + name + "\" exists but has no version() function; it was not installed by"
                            + " SkyTools, drop it or rename it before installing");
        }
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("select " + Quoting.quoteIdent(name) + ".version()")) {
            rs.next();
            String text = rs.getString(1);
            if (text == null) {
                throw new SkyToolsException(
                        ErrorKind.SCHEMA_VERSION, "function \"" + name + ".version()\" returns NULL");
            }
            return SchemaVersion.valueOf(text);
        }
    }

    private InstallOutcome applyLocked(Connection conn, SchemaBundle bundle) throws SQLException {
        try (PreparedStatement lock = conn.prepareStatement("select pg_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK_KEY);
            lock.execute();
        }
        SqlSchema schema = bundle.schema();
        SchemaVersion bundled = bundle.version();
        SchemaVersion before = installedVersion(conn, schema);
        InstallOutcome.Action action;
        if (before == null) {
            run(conn, bundle.installSql());
            action = InstallOutcome.Action.INSTALLED;
        } else if (before.isOlderThan(bundled)) {
            run(conn, bundle.upgradeSql());
            action = InstallOutcome.Action.UPGRADED;
        } else if (before.isNewerThan(bundled)) {
            throw new SkyToolsException(
                    ErrorKind.SCHEMA_VERSION,
                    "installed " + schema.schemaName() + " " + before + " is newer than this release's " + bundled
                            + "; upgrade SkyTools");
        } else {
            return new InstallOutcome(schema, InstallOutcome.Action.UNCHANGED, before, before);
        }
        SchemaVersion after = installedVersion(conn, schema);
        if (after == null || after.compareTo(bundled) != 0) {
            throw new SkyToolsException(
                    ErrorKind.INTERNAL,
                    schema.schemaName() + ".version() reports " + after + " after installing " + bundled);
        }
        return new InstallOutcome(schema, action, before, after);
    }

    private static void run(Connection conn, String script) throws SQLException {
        try (Statement st = conn.createStatement()) {
            // the scripts are plain SQL; braces in them are not JDBC escapes
            st.setEscapeProcessing(false);
            st.execute(script);
        }
    }

    private static boolean exists(Connection conn, String sql, String param) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement(sql)) {
            st.setString(1, param);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void report(InstallOutcome outcome) {
        String name = outcome.schema().schemaName();
        switch (outcome.action()) {
            case INSTALLED -> log.info("installed {} {}", name, outcome.after());
            case UPGRADED -> log.info("upgraded {} from {} to {}", name, outcome.before(), outcome.after());
            case UNCHANGED -> log.debug("{} {} is up to date", name, outcome.after());
        }
    }
}
