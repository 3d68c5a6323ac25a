package org.skytools.pgq.consumer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** A {@link ConnectionSource} over a JDBC URL, with autocommit set once per connection. */
public final class JdbcConnectionSource implements ConnectionSource {
    private final String url;
    private final Properties properties;
    private final boolean autocommit;
    private Connection conn;

    /** Connects to {@code url} with {@code properties}; autocommit off unless asked for. */
    public JdbcConnectionSource(String url, Properties properties, boolean autocommit) {
        this.url = url;
        this.properties = properties;
        this.autocommit = autocommit;
    }

    /** Connects to {@code url} (credentials in the URL or the environment) with autocommit off. */
    public JdbcConnectionSource(String url) {
        this(url, new Properties(), false);
    }

    @Override
    public Connection connection() throws SQLException {
        if (conn == null || conn.isClosed()) {
            Connection c = DriverManager.getConnection(url, properties);
            c.setAutoCommit(autocommit);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            conn = c;
        }
        return conn;
    }

    @Override
    public void reset() {
        Connection c = conn;
        conn = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // the connection is being dropped because it failed; nothing left to do with it
            }
        }
    }
}
