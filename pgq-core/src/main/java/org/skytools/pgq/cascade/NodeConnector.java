package org.skytools.pgq.cascade;

import java.sql.Connection;
import java.sql.SQLException;
import org.skytools.common.db.DbConnector;

/** Opens a connection to a node from its libpq connect string (as stored in {@code node_location}). */
@FunctionalInterface
public interface NodeConnector {
    /** A new connection in autocommit mode; the caller closes it. */
    Connection connect(String connstr) throws SQLException;

    /** Connections through a job's connector (application name, .pgpass, readable failures). */
    static NodeConnector of(DbConnector connector) {
        return connector::connect;
    }
}
