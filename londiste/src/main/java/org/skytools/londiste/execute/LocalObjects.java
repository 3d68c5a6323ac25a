package org.skytools.londiste.execute;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The tables (source name to local name) and sequences registered locally on a node's queue. */
public record LocalObjects(Map<String, String> tables, Map<String, String> seqs) {

    /** Reads the local tables and sequences of {@code queue} from the londiste schema. */
    public static LocalObjects load(Connection db, String queue) throws SQLException {
        Map<String, String> tables = new LinkedHashMap<>();
        try (PreparedStatement ps = db.prepareStatement(
                "select table_name, coalesce(dest_table, table_name) from londiste.get_table_list(?) where local")) {
            ps.setString(1, queue);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        Map<String, String> seqs = new LinkedHashMap<>();
        try (PreparedStatement ps = db.prepareStatement("select seq_name from londiste.get_seq_list(?) where local")) {
            ps.setString(1, queue);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seqs.put(rs.getString(1), rs.getString(1));
                }
            }
        }
        return new LocalObjects(tables, seqs);
    }
}
