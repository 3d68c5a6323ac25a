package org.skytools.common.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import org.postgresql.Driver;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.common.error.SqlErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens database connections for one job: every connection carries the job name as {@code
 * application_name}, and a failure to connect becomes a {@link SkyToolsException} of kind {@code
 * DB_CONNECT} or {@code DB_AUTH} whose message names the database and host but never the password.
 */
public final class DbConnector {
    private static final Logger log = LoggerFactory.getLogger(DbConnector.class);

    private final String jobName;
    private final ConnectEnvironment env;
    private final Driver driver = new Driver();

    /** A connector for {@code jobName} in this process's environment. */
    public DbConnector(String jobName) {
        this(jobName, ConnectEnvironment.system());
    }

    /** A connector for {@code jobName} resolving connect strings within {@code env}. */
    public DbConnector(String jobName, ConnectEnvironment env) {
        this.jobName = Objects.requireNonNull(jobName, "jobName");
        this.env = Objects.requireNonNull(env, "env");
    }

    /** Resolves a connect string for this job (application name, environment, .pgpass). */
    public JdbcTarget resolve(ConnectString cs) {
        return cs.toJdbc(jobName, env);
    }

    /** Parses and opens {@code connstr}; see {@link #connect(ConnectString)}. */
    public Connection connect(String connstr) {
        return connect(ConnectString.parse(connstr));
    }

    /**
     * Opens a new connection in pgjdbc's default mode (autocommit on, READ COMMITTED).
     *
     * @throws SkyToolsException DB_CONNECT when the server cannot be reached, DB_AUTH when it
     *     refuses the login or the database does not exist, CONFIG on a bad connect string
     */
    public Connection connect(ConnectString cs) {
        JdbcTarget target = resolve(cs);
        log.debug("connecting to {}", cs.masked());
        try {
            return driver.connect(target.url(), target.newProperties());
        } catch (SQLException e) {
            throw connectFailure(e, target);
        }
    }

    /**
     * A small HikariCP pool for a daemon: {@code maxSize} connections at most, named after the
     * job. The pool starts without connecting, so a database that is down at start-up is retried
     * by the caller's loop rather than killing the process; pass failures of {@code
     * getConnection()} to {@link #connectFailure} for a readable message.
     */
    public HikariDataSource pool(ConnectString cs, int maxSize) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, got " + maxSize);
        }
        JdbcTarget target = resolve(cs);
        HikariConfig config = new HikariConfig();
        config.setPoolName(jobName);
        config.setDriverClassName(Driver.class.getName());
        config.setJdbcUrl(target.url());
        config.setDataSourceProperties(target.newProperties());
        config.setMaximumPoolSize(maxSize);
        config.setMinimumIdle(0);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    /**
     * Translates a failure to connect into the product's error, classified by SQLSTATE: class 28
     * and 08004 are DB_AUTH, 3D000 (no such database) is DB_AUTH, everything else DB_CONNECT.
     */
    public static SkyToolsException connectFailure(SQLException e, JdbcTarget target) {
        String state = SqlErrors.sqlState(e).orElse(null);
        String db = "\"" + target.dbname() + "\"";
        String user = "\"" + target.user() + "\"";
        String where = target.hostList();
        if ("28P01".equals(state)) {
            return new SkyToolsException(
                    ErrorKind.DB_AUTH, "password authentication failed for user " + user + " on database " + db, e);
        }
        if (state != null && (state.startsWith("28") || state.equals("08004"))) {
            return new SkyToolsException(
                    ErrorKind.DB_AUTH,
                    "authentication failed for user " + user + " on database " + db + " at " + where + ": " + reason(e),
                    e);
        }
        if ("3D000".equals(state)) {
            return new SkyToolsException(ErrorKind.DB_AUTH, "database " + db + " does not exist at " + where, e);
        }
        return new SkyToolsException(
                ErrorKind.DB_CONNECT,
                "cannot connect to database " + db + " at " + where + ": " + reason(e)
                        + "; check that the server is running and accepts TCP connections",
                e);
    }

    // A short reason: the network error when there is one, else the server's own message.
    static String reason(SQLException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host \"" + t.getMessage() + "\"";
            }
            if (t instanceof SocketTimeoutException) {
                return "connection timed out";
            }
            if (t instanceof IOException && t.getMessage() != null) {
                return sentence(t.getMessage());
            }
        }
        if (e instanceof PSQLException pe && pe.getServerErrorMessage() != null) {
            ServerErrorMessage m = pe.getServerErrorMessage();
            if (m.getMessage() != null) {
                return sentence(m.getMessage());
            }
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : sentence(e.getMessage());
    }

    private static String sentence(String text) {
        String s = text.strip();
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        if (!s.isEmpty()
                && Character.isUpperCase(s.charAt(0))
                && (s.length() == 1 || !Character.isUpperCase(s.charAt(1)))) {
            s = Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
        return s;
    }
}
