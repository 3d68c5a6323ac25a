package org.skytools.londiste.table;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.skytools.pgq.cascade.NodeInfo;
import org.skytools.pgq.cascade.StatusExtra;

/** The {@code Tables: ok/half/ignored} line londiste adds under each node of {@code status}. */
public final class TableStatusLines implements StatusExtra {
    private final String queue;

    public TableStatusLines(String queue) {
        this.queue = queue;
    }

    @Override
    public List<String> lines(Connection db, NodeInfo node) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("select count(*) filter (where local and merge_state = 'ok'),"
                + " count(*) filter (where local and merge_state is distinct from 'ok'),"
                + " count(*) filter (where not local)"
                + " from londiste.get_table_list(?)"
                + " where exists (select 1 from pg_catalog.pg_namespace where nspname = 'londiste')")) {
            ps.setString(1, queue);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return List.of("Tables: " + rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getLong(3));
            }
        } catch (SQLException e) {
            if ("3F000".equals(e.getSQLState()) || "42883".equals(e.getSQLState())) {
                return List.of(); // no londiste schema on that node
            }
            throw e;
        }
    }
}
