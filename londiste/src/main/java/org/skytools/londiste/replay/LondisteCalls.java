package org.skytools.londiste.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;

/** Calls of {@code londiste.*} functions that answer {@code (ret_code, ret_note)}. */
final class LondisteCalls {
    private LondisteCalls() {}

    /**
     * Runs {@code sql} (selecting ret_code, ret_note) and returns the code; a code of 400 or more
     * throws with the function's note, as SkyTools' {@code exec_cmd} does.
     */
    static int call(Connection conn, ApplyCounters counters, String sql, Object... params) throws SQLException {
        return call(conn, counters, true, sql, params);
    }

    /** As {@link #call(Connection, ApplyCounters, String, Object...)}, throwing on 400+ only when {@code check}. */
    static int call(Connection conn, ApplyCounters counters, boolean check, String sql, Object... params)
            throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            counters.roundTrip(1);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return 200;
                }
                int code = rs.getInt(1);
                if (check && code >= 400) {
                    throw new SkyToolsException(
                            ErrorKind.RUNTIME,
                            sql.substring(sql.indexOf("londiste.")) + " failed: " + code + " " + rs.getString(2));
                }
                return code;
            }
        }
    }
}
