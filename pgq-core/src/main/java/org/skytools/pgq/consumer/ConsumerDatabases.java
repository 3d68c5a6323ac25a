package org.skytools.pgq.consumer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.skytools.common.config.GenericKeys;
import org.skytools.common.config.SkyConfig;
import org.skytools.common.db.ConnectString;
import org.skytools.common.db.DbConnector;

/**
 * The database connections of a consumer job, opened from connect-string keys of its config
 * ({@code src_db}, {@code dst_db}) with the job name as application name and
 * {@code connection_lifetime} applied; reset together after a failure, closed together at the end.
 */
public final class ConsumerDatabases implements AutoCloseable {
    private final SkyConfig config;
    private final DbConnector connector;
    private final List<ConnectionSource> sources = new ArrayList<>();

    /** Connections of the job configured in {@code config}. */
    public ConsumerDatabases(SkyConfig config) {
        this.config = config;
        this.connector = new DbConnector(config.jobName());
    }

    /**
     * A connection source for the connect string in key {@code key}; a missing key is a config
     * error naming it.
     */
    public ConnectionSource open(String key, boolean autocommit) {
        ConnectString cs = ConnectString.parse(config.getString(key));
        ConnectionSource source = new DbConnectionSource(
                connector, cs, autocommit, GenericKeys.CONNECTION_LIFETIME.get(config), Clock.systemUTC());
        sources.add(source);
        return source;
    }

    /** Drops every connection; the next use reconnects. */
    public void reset() {
        sources.forEach(ConnectionSource::reset);
    }

    @Override
    public void close() {
        reset();
    }
}
