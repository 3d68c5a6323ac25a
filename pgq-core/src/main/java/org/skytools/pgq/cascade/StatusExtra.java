package org.skytools.pgq.cascade;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Extra lines a tool adds under each node of the status tree (londiste: its table counts). */
@FunctionalInterface
public interface StatusExtra {
    /** No extra lines. */
    StatusExtra NONE = (db, node) -> List.of();

    /** Lines for {@code node}, read through {@code db}, a connection to that node. */
    List<String> lines(Connection db, NodeInfo node) throws SQLException;
}
