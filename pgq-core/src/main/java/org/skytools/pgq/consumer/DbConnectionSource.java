package org.skytools.pgq.consumer;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import org.skytools.common.db.ConnectString;
import org.skytools.common.db.DbConnector;

/**
 * A {@link ConnectionSource} for a libpq connect string from the config ({@code src_db},
 * {@code dst_db}): opened through the job's {@link DbConnector}, autocommit as asked, READ
 * COMMITTED, and replaced once it is older than {@code connection_lifetime} (checked when a batch
 * asks for it, never in the middle of one).
 */
public final class DbConnectionSource implements ConnectionSource {
    private final DbConnector connector;
    private final ConnectString connectString;
    private final boolean autocommit;
    private final Duration lifetime;
    private final Clock clock;
    private Connection conn;
    private Instant openedAt;

    /** A source opening {@code connectString}, replacing connections older than {@code lifetime} (zero: never). */
    public DbConnectionSource(
            DbConnector connector, ConnectString connectString, boolean autocommit, Duration lifetime, Clock clock) {
        this.connector = connector;
        this.connectString = connectString;
        this.autocommit = autocommit;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A source without a lifetime limit. */
    public DbConnectionSource(DbConnector connector, String connectString, boolean autocommit) {
        this(connector, ConnectString.parse(connectString), autocommit, Duration.ZERO, Clock.systemUTC());
    }

    @Override
    public Connection connection() throws SQLException {
        if (conn != null && expired() && idle()) {
            reset();
        }
        if (conn == null || conn.isClosed()) {
            Connection c = connector.connect(connectString);
            c.setAutoCommit(autocommit);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            conn = c;
            openedAt = clock.instant();
        }
        return conn;
    }

    private boolean expired() {
        return !lifetime.isZero()
                && !lifetime.isNegative()
                && Duration.between(openedAt, clock.instant()).compareTo(lifetime) >= 0;
    }

    /** Only a connection outside a transaction is replaced; an open one belongs to a batch. */
    private boolean idle() throws SQLException {
        return conn.getAutoCommit() || conn.unwrap(BaseConnection.class).getTransactionState() == TransactionState.IDLE;
    }

    @Override
    public void reset() {
        Connection c = conn;
        conn = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // dropped because it is old or broken; nothing more to do with it
            }
        }
    }
}
