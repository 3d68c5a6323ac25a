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
     * Reads this database's partition from {@code partconf.conf}, with the columns {@code part_nr,
     * max_part} or {@code shard_nr, shard_mask, shard_count}; {@code table} names the table in errors.
     */
    public static ShardInfo load(Connection dst, String table) throws SQLException {
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
        long nr = row[0];
        long mask = row[1];
        long count = row[2];
        // as the newer londiste checks it: the count a power of two, the mask one less
        if ((count & mask) != 0 || mask + 1 != count || nr < 0 || nr >= count) {
            throw SkyToolsException.config("table \"" + table + "\": partconf.conf has shard_nr " + nr
                    + ", shard_mask " + mask + ", shard_count " + count + "; the count must be a power"
                    + " of two, the mask one less, and the number below the count");
        }
        return new ShardInfo(nr, mask);
    }

    /** The first row's {@code columns} numbers, or null when there is no row or one of them is NULL. */
    private static long[] firstRow(Connection dst, String sql, int columns) throws SQLException {
        try (PreparedStatement ps = dst.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
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

    /**
     * The row filter a table's handler puts on its copy and its compare: for the {@code part} and
     * {@code shard} handlers the rows of this database's partition, otherwise null (every row).
     *
     * @param dst the local database, which holds {@code partconf.conf}
     * @param handler the table's handler string ({@code name(args)}, empty for the default)
     */
    public static String copyCondition(Connection dst, String table, String handler) throws SQLException {
        HandlerSpec spec = HandlerSpec.parse(handler);
        if (!HandlerRegistry.maySplitByHash(spec.name())) {
            return null;
        }
        TableHandler h = new HandlerRegistry().create(spec);
        return h.hashExpr() == null ? null : load(dst, table).condition(h.hashExpr());
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
