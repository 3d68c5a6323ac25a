package org.skytools.londiste.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.skytools.common.db.Quoting;
import org.skytools.common.error.SkyToolsException;
import org.skytools.pgq.Event;

/**
 * The local partition of a database split by hash, as the {@code part} and {@code shard} handlers
 * read it from {@code partconf.conf} ({@code part_nr, max_part}, or {@code shard_nr, shard_mask,
 * shard_count} as the newer londiste has it): a row belongs here when {@code (hash & maxPart) = partNr}.
 * On the root the trigger stores each row's hash in {@code ev_extra3} as {@code hash=N}; the replay
 * keeps the events of this partition and the copy reads only its rows.
 */
public record ShardInfo(long partNr, long maxPart) {
    static final String SQL = "select part_nr, max_part from partconf.conf";
    /** The layout of the newer londiste: the mask and the count of shards, a power of two. */
    static final String SHARD_SQL = "select shard_nr, shard_mask, shard_count from partconf.conf";

    /**
     * Reads this database's partition with {@code infoSql} (config {@code shard_info_sql}), or when
     * it is null from {@code partconf.conf}, with the columns {@code part_nr, max_part} or {@code
     * shard_nr, shard_mask, shard_count}; {@code table} names the table in errors.
     */
    public static ShardInfo load(Connection dst, String table, String infoSql) throws SQLException {
        if (infoSql != null) {
            return loadCustom(dst, table, infoSql);
        }
        try {
            return hasShardColumns(dst) ? loadShard(dst, table) : loadPart(dst, table);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState()) || "3F000".equals(e.getSQLState()) || "42703".equals(e.getSQLState())) {
                throw SkyToolsException.config("table \"" + table
                        + "\" is partitioned by hash but this database has no partconf.conf table with the columns"
                        + " part_nr and max_part (or shard_nr, shard_mask and shard_count); create it");
            }
            throw e;
        }
    }

    private static boolean hasShardColumns(Connection dst) throws SQLException {
        try (PreparedStatement ps = dst.prepareStatement("select exists (select 1 from pg_catalog.pg_attribute"
                        + " where attrelid = pg_catalog.to_regclass('partconf.conf') and attname = 'shard_mask'"
                        + " and not attisdropped)");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static ShardInfo loadPart(Connection dst, String table) throws SQLException {
        long[] row = firstRow(dst, SQL, 2);
        if (row == null) {
            throw SkyToolsException.config("table \"" + table
                    + "\" is partitioned by hash but partconf.conf has no row with part_nr and max_part;"
                    + " insert this database's partition number and the highest one");
        }
        return new ShardInfo(row[0], row[1]);
    }

    private static ShardInfo loadShard(Connection dst, String table) throws SQLException {
        long[] row = firstRow(dst, SHARD_SQL, 3);
        if (row == null) {
            throw SkyToolsException.config("table \"" + table
                    + "\" is partitioned by hash but partconf.conf has no row with shard_nr, shard_mask and"
                    + " shard_count; insert this database's shard");
        }
        return checkedShard(row, table, "partconf.conf has");
    }

    /**
     * The partition that config {@code shard_info_sql} gives: its first row, three numbers as {@code
     * shard_nr, shard_mask, shard_count} (as the newer londiste reads it) or two as {@code part_nr,
     * max_part}.
     */
    private static ShardInfo loadCustom(Connection dst, String table, String sql) throws SQLException {
        long[] row;
        try {
            row = firstRow(dst, sql, -1);
        } catch (SQLException e) {
            throw SkyToolsException.config("table \"" + table + "\": shard_info_sql failed ("
                    + e.getMessage().strip() + "); it must give this database's shard_nr, shard_mask and shard_count");
        }
        if (row == null || row.length < 2 || row.length > 3) {
            throw SkyToolsException.config("table \"" + table + "\": shard_info_sql must give one row of"
                    + " shard_nr, shard_mask and shard_count (or part_nr and max_part), none of them NULL");
        }
        return row.length == 3 ? checkedShard(row, table, "shard_info_sql gives") : new ShardInfo(row[0], row[1]);
    }

    /** {@code shard_nr, shard_mask, shard_count} checked as the newer londiste checks them. */
    private static ShardInfo checkedShard(long[] row, String table, String source) {
        long nr = row[0];
        long mask = row[1];
        long count = row[2];
        // the count a power of two, the mask one less, the number below the count
        if ((count & mask) != 0 || mask + 1 != count || nr < 0 || nr >= count) {
            throw SkyToolsException.config("table \"" + table + "\": " + source + " shard_nr " + nr
                    + ", shard_mask " + mask + ", shard_count " + count + "; the count must be a power"
                    + " of two, the mask one less, and the number below the count");
        }
        return new ShardInfo(nr, mask);
    }

    /**
     * The first row's numbers ({@code wanted} of them, or all when negative), or null when there is
     * no row or one of them is NULL.
     */
    private static long[] firstRow(Connection dst, String sql, int wanted) throws SQLException {
        try (PreparedStatement ps = dst.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            int columns = wanted < 0 ? rs.getMetaData().getColumnCount() : wanted;
            long[] row = new long[columns];
            for (int i = 0; i < columns; i++) {
                row[i] = rs.getLong(i + 1);
                if (rs.wasNull()) {
                    return null;
                }
            }
            return row;
        }
    }

    /** Whether {@code hash} belongs to this partition. */
    public boolean isLocal(long hash) {
        return (hash & maxPart) == partNr;
    }

    /**
     * Whether a row event of a hash-partitioned table is for this partition: the {@code hash} in its
     * {@code ev_extra3}. An event without {@code ev_extra3} (written before the trigger had the
     * argument) is applied, as SkyTools does.
     */
    public boolean accepts(Event ev) {
        String extra3 = ev.extra3();
        if (extra3 == null || extra3.isEmpty()) {
            return true;
        }
        Map<String, String> meta = Quoting.urlDecode(extra3);
        String hash = meta.get("hash");
        try {
            return isLocal(Long.parseLong(hash == null ? "" : hash.strip()));
        } catch (NumberFormatException e) {
            throw SkyToolsException.state("event " + ev.id() + " has no hash in ev_extra3 (\"" + extra3
                    + "\"); the root's trigger must have the" + " argument ev_extra3='hash='||<hash function>(<key>)");
        }
    }

    /** The row filter for copy and compare: {@code (hashExpr & maxPart) = partNr}. */
    public String condition(String hashExpr) {
        return "(" + hashExpr + " & " + maxPart + ") = " + partNr;
    }
}
