package org.skytools.qadmin.exec;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Objects;
import org.skytools.common.db.ConnectString;
import org.skytools.common.db.DbConnector;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.sql.SqlSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's state: one autocommit connection, the connect string it came from, the default
 * queue, and the versions shown by the prompt and {@code show version}.
 */
public final class Session implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Session.class);

    private final DbConnector connector;
    private ConnectString connectString;
    private Connection connection;
    private String database;
    private String serverVersion;
    private String pgqVersion;
    private String queue;

    private Session(DbConnector connector) {
        this.connector = connector;
    }

    /** Connects with {@code cs}; {@code queue} (may be null) becomes the default queue. */
    public static Session open(DbConnector connector, ConnectString cs, String queue) {
        Session session = new Session(connector);
        session.reconnect(cs);
        session.queue = queue;
        return session;
    }

    /** Opens a connection with {@code cs} and, once it works, closes the old one. */
    public void reconnect(ConnectString cs) {
        Connection fresh = connector.connect(cs);
        try {
            fresh.setAutoCommit(true);
            try (PreparedStatement st =
                            fresh.prepareStatement("select current_database(), current_setting('server_version')");
                    ResultSet rs = st.executeQuery()) {
                rs.next();
                database = rs.getString(1);
                serverVersion = rs.getString(2);
            }
        } catch (SQLException e) {
            closeQuietly(fresh);
            throw DbConnector.connectFailure(e, connector.resolve(cs));
        }
        closeQuietly(connection);
        connection = fresh;
        connectString = cs;
        refreshVersions();
        log.debug("connected to {}", cs.masked());
    }

    /** Reads {@code pgq.version()} again, after an install. */
    public void refreshVersions() {
        pgqVersion = null;
        try {
            if (hasFunction("pgq", "version")) {
                try (PreparedStatement st = connection.prepareStatement("select pgq.version()");
                        ResultSet rs = st.executeQuery()) {
                    pgqVersion = rs.next() ? rs.getString(1) : null;
                }
            }
        } catch (SQLException e) {
            log.debug("cannot read pgq.version()", e);
        }
    }

    public Connection connection() {
        return connection;
    }

    public ConnectString connectString() {
        return connectString;
    }

    public String database() {
        return database;
    }

    public String serverVersion() {
        return serverVersion;
    }

    /** The installed pgq version, or {@code <none>}. */
    public String pgqVersion() {
        return pgqVersion == null ? "<none>" : pgqVersion;
    }

    /** The default queue, or null. */
    public String queue() {
        return queue;
    }

    public void setQueue(String queue) {
        this.queue = queue;
    }

    /** {@code explicit} when given, else the default queue; fails when there is neither. */
    public String queueOr(String explicit) {
        if (explicit != null) {
            return explicit;
        }
        if (queue == null) {
            throw SkyToolsException.state(
                    "no queue given; add \"on <queue>\" or set a default queue with: connect queue=<queue>;");
        }
        return queue;
    }

    /** The default queue; fails when there is none. */
    public String defaultQueue() {
        if (queue == null) {
            throw SkyToolsException.state(
                    "this command works on the default queue and there is none; set it with: connect queue=<queue>;"
                            + " or start qadmin with -Q <queue>");
        }
        return queue;
    }

    /** Whether schema {@code name} exists in the current database. */
    public boolean hasSchema(String name) throws SQLException {
        return Db.exists(connection, "select 1 from pg_catalog.pg_namespace where nspname = ?", name);
    }

    private boolean hasFunction(String schema, String function) throws SQLException {
        return Db.exists(
                connection,
                "select 1 from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace"
                        + " where n.nspname = ? and p.proname = ?",
                schema,
                function);
    }

    /**
     * Fails with SCHEMA_MISSING unless schema {@code name} is installed; the message says how to
     * install it, or that this build does not ship it.
     */
    public void requireSchema(String name, String installCommand) throws SQLException {
        if (hasSchema(name)) {
            return;
        }
        String fix = isBundled(name)
                ? "; install it with: " + installCommand
                : "; this build of SkyTools does not include it, so it cannot be installed from here";
        throw new SkyToolsException(
                ErrorKind.SCHEMA_MISSING,
                "schema \"" + name + "\" is not installed in database \"" + database + "\"" + fix);
    }

    /** Whether pgq-sql ships schema {@code name}. */
    static boolean isBundled(String name) {
        return Arrays.stream(SqlSchema.values()).anyMatch(s -> s.schemaName().equals(name));
    }

    @Override
    public void close() {
        closeQuietly(connection);
        connection = null;
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            log.debug("closing a connection failed", e);
        }
    }

    @Override
    public String toString() {
        return Objects.toString(queue, "(noqueue)") + "@" + database;
    }
}
