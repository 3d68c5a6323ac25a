package org.skytools.londiste.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.skytools.londiste.execute.ExecAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies an EXECUTE event on a subscriber: in {@code local} replication role (so its data changes
 * are not captured), recorded in {@code londiste.applied_execute} by {@code execute_start} (skipped
 * when that file already ran here), run only when its attributes match this node, then {@code
 * execute_finish}; the role goes back to {@code replica}.
 */
final class ExecuteApplier {
    private static final Logger log = LoggerFactory.getLogger(ExecuteApplier.class);

    private final String queue;

    ExecuteApplier(String queue) {
        this.queue = queue;
    }

    void apply(Connection conn, ReplayEvent.Execute ev, TableMap tables, ApplyCounters counters) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("set local session_replication_role = 'local'");
            counters.roundTrip(1);
        }
        Map<String, String> seqs = new LinkedHashMap<>();
        try (PreparedStatement ps =
                conn.prepareStatement("select seq_name from londiste.get_seq_list(?) where local")) {
            ps.setString(1, queue);
            counters.roundTrip(1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seqs.put(rs.getString(1), rs.getString(1));
                }
            }
        }
        Map<String, String> tbls = new LinkedHashMap<>();
        for (ReplayTable t : tables.all()) {
            tbls.put(t.name(), t.destTable());
        }
        int ret = LondisteCalls.call(
                conn,
                counters,
                "select ret_code, ret_note from londiste.execute_start(?, ?, ?, false, ?)",
                queue,
                ev.fileName(),
                ev.sql(),
                ev.attrs());
        if (ret > 200) {
            log.info("skipping execution of \"{}\": already applied", ev.fileName());
        } else {
            ExecAttributes attrs = ExecAttributes.fromUrlenc(ev.attrs());
            if (attrs.needExecute(conn, tbls, seqs)) {
                log.info("{}: executing sql", ev.fileName());
                try (Statement st = conn.createStatement()) {
                    st.setEscapeProcessing(false);
                    counters.roundTrip(1);
                    st.execute(attrs.processSql(ev.sql(), tbls, seqs));
                } catch (SQLException e) {
                    throw new SQLException(
                            "EXECUTE \"" + ev.fileName() + "\" failed: " + e.getMessage(), e.getSQLState(), e);
                }
            } else {
                log.info("{}: execution not needed on this node", ev.fileName());
            }
            LondisteCalls.call(
                    conn,
                    counters,
                    "select ret_code, ret_note from londiste.execute_finish(?, ?)",
                    queue,
                    ev.fileName());
        }
        try (Statement st = conn.createStatement()) {
            st.execute("set local session_replication_role = 'replica'");
            counters.roundTrip(1);
        }
    }
}
