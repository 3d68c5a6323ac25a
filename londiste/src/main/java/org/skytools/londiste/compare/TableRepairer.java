package org.skytools.londiste.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.skytools.common.db.FqName;
import org.skytools.common.db.Quoting;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
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
 * londiste {@code repair} (behaviour.md R-5): at the same sync point as compare, streams both
 * tables through COPY ordered by primary key (as text, {@code collate "C"}, the order of SkyTools'
 * {@code LC_ALL=C sort}), merge-walks them one row at a time and writes the SQL that makes the
 * target equal the source to {@code fix.<table>.sql}, or applies it in replica role.
 */
public final class TableRepairer {
    private static final Logger log = LoggerFactory.getLogger(TableRepairer.class);

    private final String queue;
    private final Duration lockTimeout;
    private LocationOpener nodes;
    private HandlerRegistry handlers = new HandlerRegistry();
    private String rowCondition;

    public TableRepairer(String queue, Duration lockTimeout) {
        this.queue = queue;
        this.lockTimeout = lockTimeout;
    }

    /**
     * Lets compare and repair walk up the provider chain (behaviour L-17): when the provider does
     * not hold a table's data (a queue-only branch, a virtual table), the first node above that
     * does is the source. Without it only the provider is tried.
     */
    public TableRepairer walkUp(LocationOpener nodes) {
        this.nodes = nodes;
        return this;
    }

    /** The handlers, with the config's hash function and partition query; the default has SkyTools' own. */
    public TableRepairer handlers(HandlerRegistry registry) {
        this.handlers = registry;
        return this;
    }

    /**
     * Repairs only the rows for which the SQL condition holds on both sides ({@code --repair-where}),
     * together with the handler's row filter. The condition is the operator's own SQL text.
     */
    public TableRepairer onlyRows(String condition) {
        this.rowCondition = condition == null || condition.isBlank() ? null : condition;
        return this;
    }

    /**
     * Repairs the given tables (all local ok ones when empty).
     *
     * @param outDir where {@code fix.<table>.sql} files go, or null to write none
     * @param apply apply the statements on the node (autocommit, replica role)
     */
    public List<RepairResult> repair(
            Connection node, ConnectionOpener provider, List<String> tables, Path outDir, boolean apply, boolean force)
            throws SQLException {
        TableCatalog catalog = new TableCatalog(queue);
        Map<String, TableInfo> mine = catalog.tables(node);
        SqlRows.endRead(node);
        List<String> names = new ArrayList<>();
        for (TableInfo t : mine.values()) {
            if (t.local()
                    && (tables.isEmpty()
                            || tables.stream().map(TableCatalog::fq).anyMatch(t.name()::equals))) {
                names.add(t.name());
            }
        }
        List<RepairResult> out = new ArrayList<>();
        for (String name : names) {
            TableInfo t = mine.get(name);
            if (t.state().phase() != MergeState.Phase.OK) {
                out.add(skip(name, "table not in sync yet (" + t.state() + ")"));
                continue;
            }
            if (HandlerSpec.parse(t.handler()).name().equals("obfuscate")) {
                // the provider's rows would put clear values into a table that holds obfuscated ones
                out.add(skip(name, "handler obfuscate: the table holds obfuscated rows, not the provider's"));
                continue;
            }
            out.add(repairOne(node, provider, catalog, t, outDir, apply, force));
        }
        return out;
    }

    private RepairResult repairOne(
            Connection node,
            ConnectionOpener provider,
            TableCatalog catalog,
            TableInfo t,
            Path outDir,
            boolean apply,
            boolean force)
            throws SQLException {
        List<String> statements = new ArrayList<>();
        int[] counts = new int[3];
        Optional<DataSource> found = DataSource.forTable(node, queue, t.name(), provider, nodes);
        if (found.isEmpty()) {
            return skip(t.name(), DataSource.missing(nodes));
        }
        ConnectionOpener source = found.get().opener();
        try (Connection src = source.open();
                Connection lock = source.open();
                Connection setup = source.open()) {
            TableInfo p = catalog.tables(src).get(t.name());
            if (p == null || !p.local() || p.state().phase() != MergeState.Phase.OK) {
                return skip(t.name(), "table not ready on provider");
            }
            FqName srcTable = FqName.parse(p.destTable());
            FqName dstTable = t.dest();
            List<String> srcKey = keyColumns(src, srcTable);
            List<String> dstKey = keyColumns(node, dstTable);
            if (srcKey.isEmpty() || !srcKey.equals(dstKey)) {
                throw SkyToolsException.state("primary keys of \"" + srcTable + "\" and \"" + dstTable + "\" differ ("
                        + srcKey + " vs " + dstKey + "); repair needs the same key on both sides");
            }
            List<String> cols = new ArrayList<>(srcKey);
            List<String> dstCols = TableStructures.columns(node, dstTable);
            for (String c : TableStructures.columns(src, srcTable)) {
                if (!srcKey.contains(c) && dstCols.contains(c)) {
                    cols.add(c);
                }
            }
            SqlRows.endRead(node);
            boolean nodeAuto = node.getAutoCommit();
            new SyncPoint(queue, lockTimeout, force).open(node, src, lock, setup, srcTable);
            try {
                RowDiff diff = new RowDiff(dstTable, cols, srcKey.size());
                // the handler's row filter (a partition's rows) goes on both sides, as on compare,
                // and so does the operator's --repair-where
                String where = both(handlers.copyCondition(node, t.name(), t.handler()), rowCondition);
                CopyOut a = copyOut(src, srcTable, cols, srcKey, where);
                CopyOut b = copyOut(node, dstTable, cols, srcKey, where);
                List<String> ra = next(a);
                List<String> rb = next(b);
                while (ra != null || rb != null) {
                    int c = ra == null ? 1 : rb == null ? -1 : diff.compareKeys(ra, rb);
                    if (c < 0) {
                        statements.add(diff.insert(ra));
                        counts[0]++;
                        ra = next(a);
                    } else if (c > 0) {
                        statements.add(diff.delete(rb));
                        counts[2]++;
                        rb = next(b);
                    } else {
                        String u = diff.update(ra, rb);
                        if (u != null) {
                            statements.add(u);
                            counts[1]++;
                        }
                        ra = next(a);
                        rb = next(b);
                    }
                }
            } finally {
                src.rollback();
                node.rollback();
                node.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                node.setAutoCommit(nodeAuto);
            }
        }
        Path file = outDir == null ? null : write(outDir, t.name(), statements);
        if (apply && !statements.isEmpty()) {
            applyAll(node, statements);
        }
        log.info(
                "{}: {} inserts, {} updates, {} deletes{}",
                t.name(),
                counts[0],
                counts[1],
                counts[2],
                apply ? " applied" : "");
        return new RepairResult(t.name(), counts[0], counts[1], counts[2], statements, file, apply, null);
    }

    private static String both(String a, String b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        // the operator's condition may end in a -- comment: each part closes on a line of its own
        return "(" + a + "\n) and (" + b + "\n)";
    }

    private static CopyOut copyOut(Connection c, FqName table, List<String> cols, List<String> key, String where)
            throws SQLException {
        List<String> order = new ArrayList<>();
        for (String k : key) {
            order.add(Quoting.quoteIdent(k) + "::text collate \"C\"");
        }
        String sql = "COPY (select " + Quoting.quoteIdentList(cols) + " from only " + table.quoted()
                + (where == null ? "" : " where " + where) + "\n order by " + String.join(", ", order) + ") TO STDOUT";
        return c.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
    }

    private static List<String> next(CopyOut out) throws SQLException {
        byte[] row = out.readFromCopy();
        if (row == null) {
            return null;
        }
        int len = row.length;
        if (len > 0 && row[len - 1] == '\n') {
            len--;
        }
        return Quoting.parseCopyRow(new String(row, 0, len, StandardCharsets.UTF_8));
    }

    private static List<String> keyColumns(Connection c, FqName table) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> r : SqlRows.query(
                c,
                "select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid"
                        + " and a.attnum = any(i.indkey) where i.indrelid = ?::regclass and i.indisprimary"
                        + " order by array_position(i.indkey::int2[], a.attnum)",
                table.quoted())) {
            out.add((String) r.get("attname"));
        }
        return out;
    }

    private static Path write(Path dir, String table, List<String> statements) {
        Path file = dir.resolve("fix." + table + ".sql");
        try {
            Files.write(file, statements, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SkyToolsException(ErrorKind.RUNTIME, "cannot write \"" + file + "\": " + e.getMessage(), e);
        }
        return file;
    }

    private static void applyAll(Connection node, List<String> statements) throws SQLException {
        boolean auto = node.getAutoCommit();
        node.setAutoCommit(true);
        try (var st = node.createStatement()) {
            st.execute("set session_replication_role = replica");
            for (String sql : statements) {
                st.execute(sql);
            }
            st.execute("set session_replication_role = origin");
        } finally {
            node.setAutoCommit(auto);
        }
    }

    private static RepairResult skip(String table, String why) {
        log.warn("{}: {}", table, why);
        return new RepairResult(table, 0, 0, 0, List.of(), null, false, why);
    }
}
