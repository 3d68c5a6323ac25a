package org.skytools.londiste.copy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.skytools.common.db.CopyResult;
import org.skytools.common.db.CopyStreamer;
import org.skytools.common.db.FqName;
import org.skytools.common.db.Quoting;
import org.skytools.common.error.SkyToolsException;
import org.skytools.londiste.obfuscate.Obfuscator;
import org.skytools.londiste.replay.DispatchConfig;
import org.skytools.londiste.replay.HandlerRegistry;
import org.skytools.londiste.replay.HandlerSpec;
import org.skytools.londiste.replay.TableHandler;
import org.skytools.londiste.table.SqlRows;
import org.skytools.londiste.table.TableInfo;
import org.skytools.londiste.table.TableStructures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loading half of a table copy (L-5): the local table made ready (foreign keys, lock,
 * constraints and indexes dropped, truncate) and the source's rows streamed into it, through the
 * table's handler (other table or columns, obfuscate rules, copy condition). With one loading
 * connection everything runs in the copy's transaction; with several ({@link ThreadedCopy}) the
 * preparation commits first, keeping the dropped DDL in {@code table_info.dropped_ddl}, and each
 * connection commits its share. {@link #restoreDdl} makes the dropped objects again, in the copy's
 * transaction.
 */
final class TableLoad {
    private static final Logger log = LoggerFactory.getLogger(TableLoad.class);

    private final String queue;
    private final HandlerRegistry handlers;
    private final ConnectionOpener dstOpener;
    private TableInfo t;
    private int pool;
    private DestDdl ddl;
    private CopyResult copied;

    TableLoad(String queue, HandlerRegistry handlers, ConnectionOpener dstOpener) {
        this.queue = queue;
        this.handlers = handlers;
        this.dstOpener = dstOpener;
    }

    /**
     * Loads {@code table} from {@code srcTable}, read on {@code src} in the copy's snapshot.
     *
     * @param dst the copy's transaction on the local node
     * @param pool how many connections load the table; 0 loads it in {@code dst}
     */
    TableLoad load(Connection dst, Connection src, FqName srcTable, TableInfo table, int pool) throws SQLException {
        this.t = table;
        this.pool = pool;
        // the dispatch handlers may load into another table (table=) and other columns
        TableHandler handler = handlers.create(HandlerSpec.parse(t.handler()));
        DispatchConfig dispatch = handler.dispatch();
        FqName dest = dispatch != null && dispatch.table() != null ? FqName.parse(dispatch.table()) : t.dest();
        if (pool > 0 && MergedSources.merged(dst, dest.toString())) {
            // the sources of a merged table coordinate through the DDL their copy drops, which
            // must stay inside one copy's transaction
            log.info("table \"{}\": \"{}\" is fed from several queues, loading over one connection", t.name(), dest);
            this.pool = pool = 0;
        }
        // Loading over several connections needs the table free of this transaction's locks: its
        // preparation (truncate, DDL dropped and kept) commits first, on a connection of its own.
        Connection prep = pool > 0 ? replicaConnection() : dst;
        try {
            Fkeys.dropAll(prep, dest.toString());
            SqlRows.execute(prep, "lock table " + dest.quoted());
            List<String> cols = commonColumns(src, srcTable, prep, dest, t.name());
            // a table fed from several queues of this database: once one source has copied, the
            // others add their rows to it, with its indexes in place and without a truncate
            boolean addsToMerged = MergedSources.anotherCopied(prep, queue, dest.toString());
            // an earlier copy over several connections that died kept what it dropped
            ddl = addsToMerged
                    ? null
                    : t.droppedDdl() != null ? DestDdl.saved(t.droppedDdl()) : DestDdl.read(prep, dest);
            if (ddl != null) {
                ddl.dropAll(prep);
                if (pool > 0) {
                    SqlRows.retCall(
                            prep,
                            "select * from londiste.local_set_table_struct(?, ?, ?)",
                            queue,
                            t.name(),
                            ddl.script());
                }
            }
            if (addsToMerged) {
                log.info(
                        "table \"{}\": another source already copied into \"{}\", adding this one's rows",
                        t.name(),
                        dest);
            } else if (t.skipTruncate()) {
                log.info("table \"{}\": skipping truncate", t.name());
            } else {
                SqlRows.execute(prep, "truncate only " + dest.quoted());
            }
            Obfuscator obfuscator = handler.obfuscator();
            if (obfuscator != null) {
                // the skipped columns stay out of the copy, the others go through the rules as text
                cols = obfuscator.copiedColumns(t.name(), cols);
            }
            boolean binary = obfuscator == null && CopyFormat.binaryPossible(src, srcTable, prep, dest, cols);
            String where = handlers.copyCondition(prep, t.name(), t.handler());
            if (where != null) {
                log.info("table \"{}\": copying the rows where {}", t.name(), where);
            }
            List<List<String>> mapped = dispatch == null ? List.of(cols, cols) : dispatch.copyColumns(cols);
            if (pool > 0) {
                prep.commit();
                log.info("table \"{}\": loading over {} connections", t.name(), pool);
            }
            List<Connection> targets = pool > 0 ? new ArrayList<>() : List.of(dst);
            try {
                for (int i = 0; i < pool; i++) {
                    targets.add(replicaConnection());
                }
                UnaryOperator<byte[]> rewrite = obfuscator == null ? null : obfuscating(obfuscator, t.name(), cols);
                copied = copyRows(src, srcTable, targets, dest, cols, mapped, where, binary, t.name(), rewrite);
                if (pool > 0) {
                    for (Connection c : targets) {
                        c.commit();
                    }
                }
            } catch (SkyToolsException e) {
                if (addsToMerged && e.getCause() instanceof SQLException se && "23505".equals(se.getSQLState())) {
                    throw SkyToolsException.state("table \"" + dest + "\" is fed from several queues and already holds"
                            + " rows that the copy from queue \"" + queue + "\" brings again (a resync of one source?);"
                            + " resync every source of the table, or delete this source's rows first");
                }
                throw e;
            } finally {
                if (pool > 0) {
                    for (Connection c : targets) {
                        c.close();
                    }
                }
            }
        } finally {
            if (pool > 0) {
                prep.close();
            }
        }
        return this;
    }

    /** What the load copied. */
    CopyResult copied() {
        return copied;
    }

    /** Makes the dropped constraints and indexes again in {@code dst}, and forgets the kept DDL. */
    void restoreDdl(Connection dst) throws SQLException {
        if (ddl != null) {
            ddl.createAll(dst);
            if (pool > 0 || t.droppedDdl() != null) {
                SqlRows.retCall(dst, "select * from londiste.local_set_table_struct(?, ?, ?)", queue, t.name(), null);
            }
        }
    }

    private static CopyResult copyRows(
            Connection src,
            FqName srcTable,
            List<Connection> targets,
            FqName dest,
            List<String> cols,
            List<List<String>> mapped,
            String where,
            boolean binary,
            String table,
            UnaryOperator<byte[]> rewrite) {
        String format = binary ? " (FORMAT binary)" : "";
        boolean plain = mapped.get(0).equals(mapped.get(1)) && mapped.get(0).equals(cols);
        if (!plain) {
            log.info("table \"{}\": copying columns {} into {}", table, mapped.get(0), mapped.get(1));
        }
        String from = plain && where == null
                ? srcTable.quoted() + columnList(cols)
                : "(" + selectSql(mapped.get(0), srcTable, where) + ")";
        return new CopyStreamer()
                .copy(
                        src,
                        "COPY " + from + " TO STDOUT" + format,
                        srcTable.toString(),
                        targets,
                        "COPY " + dest.quoted() + columnList(mapped.get(1)) + " FROM STDIN" + format,
                        dest.toString(),
                        binary,
                        rewrite);
    }

    private static String columnList(List<String> cols) {
        return cols.isEmpty() ? "" : " (" + Quoting.quoteIdentList(cols) + ")";
    }

    // each row of COPY text through the obfuscate rules
    private static UnaryOperator<byte[]> obfuscating(Obfuscator obfuscator, String table, List<String> cols) {
        log.info("table \"{}\": copying columns {} through the obfuscate rules", table, cols);
        return row -> {
            String line = new String(row, 0, row.length - 1, StandardCharsets.UTF_8);
            List<String> values = Quoting.parseCopyRow(line);
            String out = Quoting.copyRow(obfuscator.copyRow(table, cols, values)) + "\n";
            return out.getBytes(StandardCharsets.UTF_8);
        };
    }

    // a connection to the local node for a copy's own transaction, in the replica role as the copy's
    private Connection replicaConnection() throws SQLException {
        Connection c = dstOpener.open();
        try {
            c.setAutoCommit(false);
            SqlRows.execute(c, "set session_replication_role = replica");
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private static String selectSql(List<String> cols, FqName table, String where) {
        return "select " + Quoting.quoteIdentList(cols) + " from only " + table.quoted()
                + (where == null ? "" : " where " + where);
    }

    private static List<String> commonColumns(Connection src, FqName srcTable, Connection dst, FqName dest, String name)
            throws SQLException {
        List<String> s = TableStructures.columns(src, srcTable);
        List<String> d = TableStructures.columns(dst, dest);
        List<String> common = new ArrayList<>();
        for (String c : s) {
            if (d.contains(c)) {
                common.add(c);
            } else {
                log.warn("table \"{}\": column \"{}\" does not exist on subscriber", name, c);
            }
        }
        for (String c : d) {
            if (!s.contains(c)) {
                log.warn("table \"{}\": column \"{}\" does not exist on provider", name, c);
            }
        }
        return common;
    }
}
