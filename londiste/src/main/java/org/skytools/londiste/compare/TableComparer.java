package org.skytools.londiste.compare;

import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.skytools.common.db.FqName;
import org.skytools.common.db.Quoting;
import org.skytools.common.db.ServerEncoding;
import org.skytools.londiste.copy.ConnectionOpener;
import org.skytools.londiste.copy.LocationOpener;
import org.skytools.londiste.replay.HandlerRegistry;
import org.skytools.londiste.replay.HandlerSpec;
import org.skytools.londiste.table.MergeState;
import org.skytools.londiste.table.SqlRows;
import org.skytools.londiste.table.TableCatalog;
import org.skytools.londiste.table.TableInfo;
import org.skytools.londiste.table.TableStructures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * londiste {@code compare} (behaviour.md ): for each local {@code ok} table, one
 * aggregate query per side at the same logical point: row count and the sum of {@code hashtext} of
 * the common columns' row text. The command's exit code is the number of mismatching tables.
 */
public final class TableComparer {
    private static final Logger log = LoggerFactory.getLogger(TableComparer.class);

    /** SkyTools' default {@code compare_sql}. */
    public static final String DEFAULT_SQL =
            "select count(1) as cnt, sum(hashtext(_COLS_::text)::bigint) as chksum from only _TABLE_";
    /**
     * The default query when the two databases' encodings differ: {@code hashtext} sums the bytes
     * of the row text, so each side hashes the UTF-8 form of its text instead (its hex digits).
     */
    static final String MIXED_ENCODINGS_SQL = "select count(1) as cnt,"
            + " sum(hashtext(convert_to(_COLS_::text, 'UTF8')::text)::bigint) as chksum from only _TABLE_";
    /** The query with {@code --count-only}. */
    public static final String COUNT_SQL = "select count(1) as cnt from only _TABLE_";
    /** SkyTools' default {@code compare_fmt}. */
    public static final String DEFAULT_FMT = "%(cnt)d rows, checksum=%(chksum)s";

    private final String queue;
    private final Duration lockTimeout;
    private LocationOpener nodes;
    private HandlerRegistry handlers = new HandlerRegistry();
    private final String compareSql;
    private final String compareFmt;

    /**
     * @param compareSql config {@code compare_sql}, or null for the default
     * @param compareFmt config {@code compare_fmt}, or null for the default
     */
    public TableComparer(String queue, Duration lockTimeout, String compareSql, String compareFmt) {
        this.queue = queue;
        this.lockTimeout = lockTimeout;
        this.compareSql = compareSql;
        this.compareFmt = compareFmt == null ? DEFAULT_FMT : compareFmt;
    }

    /**
     * Lets compare and repair walk up the provider chain (behaviour L-17): when the provider does
     * not hold a table's data (a queue-only branch, a virtual table), the first node above that
     * does is the source. Without it only the provider is tried.
     */
    public TableComparer walkUp(LocationOpener nodes) {
        this.nodes = nodes;
        return this;
    }

    /** The handlers, with the config's hash function and partition query; the default has SkyTools' own. */
    public TableComparer handlers(HandlerRegistry registry) {
        this.handlers = registry;
        return this;
    }

    /**
     * Compares the given tables (all local ones when empty).
     *
     * @param provider opens connections to the provider (three are used: data, lock, setup)
     */
    public List<CompareResult> compare(
            Connection node, ConnectionOpener provider, List<String> tables, boolean countOnly, boolean force)
            throws SQLException {
        TableCatalog catalog = new TableCatalog(queue);
        Map<String, TableInfo> mine = catalog.tables(node);
        SqlRows.endRead(node);
        List<String> names = new ArrayList<>();
        if (tables.isEmpty()) {
            for (TableInfo t : mine.values()) {
                if (t.local()) {
                    names.add(t.name());
                }
            }
        } else {
            for (String t : tables) {
                names.add(TableCatalog.fq(t));
            }
        }
        List<CompareResult> out = new ArrayList<>();
        for (String name : names) {
            TableInfo t = mine.get(name);
            if (t == null || !t.local()) {
                out.add(skip(name, "table not subscribed on this node"));
            } else if (t.state().phase() != MergeState.Phase.OK) {
                out.add(skip(name, "table not in sync yet (" + t.state() + ")"));
            } else if (HandlerSpec.parse(t.handler()).name().equals("obfuscate")) {
                out.add(skip(name, "handler obfuscate: the table holds obfuscated rows, not the provider's"));
            } else {
                out.add(compareOne(node, provider, t, countOnly, force));
            }
        }
        return out;
    }

    private CompareResult compareOne(
            Connection node, ConnectionOpener provider, TableInfo t, boolean countOnly, boolean force)
            throws SQLException {
        Optional<DataSource> found = DataSource.forTable(node, queue, t.name(), provider, nodes);
        if (found.isEmpty()) {
            return skip(t.name(), DataSource.missing(nodes));
        }
        ConnectionOpener source = found.get().opener();
        try (Connection src = source.open();
                Connection lock = source.open();
                Connection setup = source.open()) {
            TablePair pair = TablePair.find(src, node, queue, t);
            if (pair.skipReason() != null) {
                return skip(t.name(), pair.skipReason());
            }
            FqName srcTable = pair.source();
            FqName dstTable = pair.dest();
            String cols = commonColumns(src, srcTable, node, dstTable);
            SqlRows.endRead(node);
            boolean nodeAuto = node.getAutoCommit();
            new SyncPoint(queue, lockTimeout, force).open(node, src, lock, setup, srcTable);
            try {
                String q = countOnly
                        ? COUNT_SQL
                        : (compareSql == null || compareSql.equals(DEFAULT_SQL)
                                ? defaultSql(src, node, t.name())
                                : compareSql);
                q = q.replace("_COLS_", cols);
                // the handler's row filter (a partition's rows) goes on both sides, as on the copy
                String where = handlers.copyCondition(node, t.name(), t.handler());
                if (where != null) {
                    q = q + " where " + where;
                }
                String srcSql = q.replace("_TABLE_", srcTable.quoted());
                // both sides scan at once: each sits in its own snapshot on its own server
                CompletableFuture<String> srcLine = CompletableFuture.supplyAsync(() -> {
                    try {
                        return format(SqlRows.query(src, srcSql).get(0));
                    } catch (SQLException e) {
                        throw new CompletionException(e);
                    }
                });
                String dstLine = format(SqlRows.query(node, q.replace("_TABLE_", dstTable.quoted()))
                        .get(0));
                String srcText = await(srcLine);
                log.info("{}: srcdb: {}", t.name(), srcText);
                log.info("{}: dstdb: {}", t.name(), dstLine);
                if (!srcText.equals(dstLine)) {
                    log.warn("{}: Results do not match!", dstTable);
                }
                return new CompareResult(t.name(), srcText, dstLine, null);
            } finally {
                src.rollback();
                node.rollback();
                node.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                node.setAutoCommit(nodeAuto);
            }
        }
    }

    private static String defaultSql(Connection src, Connection node, String table) throws SQLException {
        Charset a = ServerEncoding.of(src);
        Charset b = ServerEncoding.of(node);
        if (a.equals(b)) {
            return DEFAULT_SQL;
        }
        log.info("{}: the databases' encodings differ ({} and {}): checksums of the rows' UTF-8 text", table, a, b);
        return MIXED_ENCODINGS_SQL;
    }

    private String format(Map<String, Object> row) {
        String out = compareFmt;
        if (!row.containsKey("chksum") && compareFmt.equals(DEFAULT_FMT)) {
            out = "%(cnt)d rows";
        }
        for (Map.Entry<String, Object> e : row.entrySet()) {
            String v = String.valueOf(e.getValue());
            out = out.replace("%(" + e.getKey() + ")d", v).replace("%(" + e.getKey() + ")s", v);
        }
        return out;
    }

    /** {@code (c1, c2, ...)} of the columns both tables have, in the provider's order. */
    static String commonColumns(Connection src, FqName srcTable, Connection dst, FqName dstTable) throws SQLException {
        List<String> a = TableStructures.columns(src, srcTable);
        List<String> b = TableStructures.columns(dst, dstTable);
        List<String> common = new ArrayList<>();
        for (String c : a) {
            if (b.contains(c)) {
                common.add(c);
            }
        }
        if (common.isEmpty()) {
            throw org.skytools.common.error.SkyToolsException.state(
                    "tables \"" + srcTable + "\" and \"" + dstTable + "\" have no common columns");
        }
        if (common.size() != a.size() || common.size() != b.size()) {
            log.warn("{}: ignoring columns not on both sides", dstTable);
        }
        return "(" + Quoting.quoteIdentList(common) + ")";
    }

    private static CompareResult skip(String table, String why) {
        log.warn("{}: {}", table, why);
        return new CompareResult(table, null, null, why);
    }

    /** The exit code of the compare command: the number of tables whose results differ. */
    public static int exitCode(List<CompareResult> results) {
        int n = 0;
        for (CompareResult r : results) {
            if (r.compared() && !r.matches()) {
                n++;
            }
        }
        return n;
    }

    private static String await(CompletableFuture<String> future) throws SQLException {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e;
        }
    }
}
