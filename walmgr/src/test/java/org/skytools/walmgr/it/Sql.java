package org.skytools.walmgr.it;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.skytools.testkit.PgCluster;

/** Small SQL helpers for the walmgr end-to-end tests. */
final class Sql {
    private Sql() {}

    /** Runs statements in one session with synchronous commit, so their WAL is on disk when it returns. */
    static void exec(PgCluster cluster, String... statements) throws SQLException {
        try (Connection c = cluster.connect("postgres");
                Statement st = c.createStatement()) {
            st.execute("set synchronous_commit = on");
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    static String value(PgCluster cluster, String query) throws SQLException {
        try (Connection c = cluster.connect("postgres")) {
            return value(c, query);
        }
    }

    static String value(Connection c, String query) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Writes something and switches to a new WAL segment; returns the name of the segment left. */
    static String switchWal(PgCluster cluster) throws SQLException {
        exec(cluster, "create table if not exists walmgr_switch (n int)", "insert into walmgr_switch values (1)");
        return value(cluster, "select pg_walfile_name(pg_switch_wal())");
    }

    /** Number of sessions walmgr's backup holds on the master. */
    static int backupSessions(PgCluster cluster) throws SQLException {
        return Integer.parseInt(
                value(cluster, "select count(*) from pg_stat_activity where application_name = 'wal-master'"));
    }
}
