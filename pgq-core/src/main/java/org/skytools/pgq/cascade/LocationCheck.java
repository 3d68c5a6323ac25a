package org.skytools.pgq.cascade;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.skytools.common.db.ConnectString;
import org.skytools.common.error.SkyToolsException;

/**
 * Verifies that a node's public connect string reaches the very database the command runs in
 * (behaviour C-6): same database name and oid, and a transaction left open locally is seen as
 * in progress through the public connection and as committed afterwards. Another cluster with a
 * database of the same name and oid fails the second test.
 */
final class LocationCheck {
    private LocationCheck() {}

    static void verify(Connection local, NodeConnector connector, String publicConnstr) throws SQLException {
        String masked = ConnectString.mask(publicConnstr);
        try (Connection pub = CascadeAdmin.open(connector, publicConnstr, "the public location")) {
            String localId = dbIdentity(local);
            String pubId = dbIdentity(pub);
            if (!localId.equals(pubId)) {
                throw mismatch(masked);
            }
            boolean auto = local.getAutoCommit();
            local.setAutoCommit(false);
            long txid;
            try (PreparedStatement st = local.prepareStatement("select txid_current()");
                    ResultSet rs = st.executeQuery()) {
                rs.next();
                txid = rs.getLong(1);
            }
            boolean inProgress = probe(pub, txid, false);
            local.commit();
            local.setAutoCommit(auto);
            if (!inProgress || !probe(pub, txid, true)) {
                throw mismatch(masked);
            }
        }
    }

    private static SkyToolsException mismatch(String masked) {
        return SkyToolsException.state("public connect string \"" + masked
                + "\" does not reach this database; give the location other nodes use to reach it");
    }

    private static String dbIdentity(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                        "select oid::text || '/' || datname from pg_database where datname = current_database()");
                ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    // whether the transaction is visible (committed) in a snapshot taken through the public connection
    private static boolean probe(Connection pub, long txid, boolean committed) throws SQLException {
        try (PreparedStatement st =
                pub.prepareStatement("select txid_visible_in_snapshot(?, txid_current_snapshot())")) {
            st.setLong(1, txid);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1) == committed;
            }
        }
    }
}
