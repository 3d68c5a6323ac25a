package org.skytools.londiste.table;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.skytools.common.db.FqName;
import org.skytools.common.db.Quoting;
import org.skytools.common.error.SkyToolsException;
import org.skytools.londiste.replay.HandlerRegistry;
import org.skytools.londiste.replay.HandlerSpec;
import org.skytools.londiste.replay.TableHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The table commands of londiste (cli.md §2.5): add-table, remove-table, resync, tables and missing.
 * Every command runs in one transaction on the node, so a refused request changes nothing.
 */
public final class TableAdmin {
    private static final Logger log = LoggerFactory.getLogger(TableAdmin.class);

    // remove-table retries a table its copy holds this often, and says so this often
    private static final Duration BUSY_RETRY = Duration.ofSeconds(1);
    private static final Duration BUSY_NOTE_EVERY = Duration.ofSeconds(30);

    private final String queue;
    private final Duration lockTimeout;
    private final TableCatalog catalog;
    private HandlerRegistry handlers = new HandlerRegistry();
    private RegisterFilter registering = RegisterFilter.ALL;

    /** Admin of {@code queue}; {@code lockTimeout} bounds each registration (config {@code lock_timeout}). */
    public TableAdmin(String queue, Duration lockTimeout) {
        this.queue = queue;
        this.lockTimeout = lockTimeout;
        this.catalog = new TableCatalog(queue);
    }

    /** The handlers add-table checks a {@code --handler} against, with the config's obfuscate rules. */
    public TableAdmin handlers(HandlerRegistry registry) {
        this.handlers = Objects.requireNonNull(registry, "registry");
        return this;
    }

    /** Which of the provider's tables this node registers when it syncs the table list. */
    public TableAdmin registering(RegisterFilter filter) {
        this.registering = Objects.requireNonNull(filter, "filter");
        return this;
    }

    /**
     * add-table: subscribes tables on the node. On the root it creates the capture triggers and
     * tells the queue; elsewhere the tables wait for their copy (or are ok with expect-sync).
     *
     * @param node the local node
     * @param provider the provider (or copy node) connection; ignored on the root, may be null there
     * @param names table names and globs; empty with {@code --all} means every missing table
     */
    public AddTableResult addTables(Connection node, Connection provider, List<String> names, AddTableOptions o)
            throws SQLException {
        LocalNode self = LocalNode.read(node, queue);
        if (!self.isRoot() && provider == null) {
            throw SkyToolsException.usage("add-table on a " + self.type() + " node needs the provider connection");
        }
        checkOptions(node, self, names, o);
        Map<String, TableInfo> src = self.isRoot() ? Map.of() : catalog.tables(provider);
        if (!self.isRoot()) {
            SqlRows.endRead(provider);
        }
        return Tx.runBesideWorker(node, queue, () -> {
            if (!self.isRoot()) {
                syncTableList(node, src);
            }
            boolean needsTable = HandlerTraits.needsTable(o.handler());
            List<String> done = new ArrayList<>();
            for (TableInfo t : catalog.localTables(node)) {
                done.add(t.name());
            }
            List<String> candidates = catalog.missing(node, "r");
            if (names.isEmpty() && !o.all()) {
                throw SkyToolsException.usage("no tables given; name the tables or use --all");
            }
            if (!self.isRoot()) {
                refuseUnregistered(names);
            }
            NameExpander.Expansion ex = names.isEmpty()
                    ? new NameExpander.Expansion(candidates, List.of(), List.of())
                    : NameExpander.expand("table", names, candidates, done, o.force() || !needsTable);
            if (o.destTable() != null && ex.names().size() > 1) {
                throw SkyToolsException.usage("--dest-table can be given only for a single table");
            }
            List<String> added = new ArrayList<>();
            List<String> already = new ArrayList<>();
            for (String tbl : ex.alreadyDone()) {
                // local_add_table tells "already added" (200) from "added with other args" (410)
                register(node, tbl, o, o.destTable() != null ? TableCatalog.fq(o.destTable()) : tbl);
                already.add(tbl);
            }
            List<String> skipped = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            List<String> todo = new ArrayList<>();
            for (String tbl : ex.names()) {
                TableInfo st = src.get(tbl);
                if (!self.isRoot() && st != null && !st.local() && !o.expectSync() && !o.findCopyNode()) {
                    if (o.skipNonExisting()) {
                        skipped.add(tbl + ": not replicated on the provider");
                        log.warn("table \"{}\" is not replicated on the provider, skipped", tbl);
                        continue;
                    }
                    throw SkyToolsException.state("table \"" + tbl + "\" is not replicated on provider node \""
                            + self.providerNode() + "\"; add it there first or switch to a different provider");
                }
                todo.add(tbl);
            }
            for (String tbl : todo) {
                String outcome = addOne(node, provider, self, tbl, src.get(tbl), o, needsTable, skipped, warnings);
                if (outcome.equals("added")) {
                    added.add(tbl);
                } else if (outcome.equals("already")) {
                    already.add(tbl);
                }
            }
            return new AddTableResult(added, already, skipped, warnings);
        });
    }

    private void checkOptions(Connection node, LocalNode self, List<String> names, AddTableOptions o)
            throws SQLException {
        if (o.findCopyNode() && (o.create() || o.createFull())) {
            throw SkyToolsException.usage("--find-copy-node does not work with --create");
        }
        if (o.copyNode() != null && o.findCopyNode()) {
            throw SkyToolsException.usage("--copy-node and --find-copy-node exclude each other");
        }
        if (o.mergeAll() && o.noMerge()) {
            throw SkyToolsException.usage("--merge-all and --no-merge exclude each other");
        }
        if (o.maxParallelCopy() != null && o.maxParallelCopy() < 1) {
            throw SkyToolsException.usage("--max-parallel-copy must be at least 1");
        }
        if (o.copyNode() != null) {
            if (o.copyNode().equals(self.name())) {
                throw SkyToolsException.usage("--copy-node cannot be the node itself");
            }
            LocalNode.location(node, queue, o.copyNode());
        }
        SqlRows.endRead(node);
    }

    /** A table named outright that the config keeps off this node: say which keys do. */
    private void refuseUnregistered(List<String> names) {
        for (String name : names) {
            if (!NameExpander.isPattern(name) && !registering.registersTable(TableCatalog.fq(name))) {
                throw SkyToolsException.usage("table \"" + TableCatalog.fq(name)
                        + "\" is kept off this node by register_only_tables or register_skip_tables in its config");
            }
        }
    }

    /**
     * A new branch or leaf learns the provider's tables while it is created (C-8): they are
     * registered, not subscribed, as after an add-table upstream. Runs in the caller's transaction.
     */
    public void copyRegistrations(Connection node, Connection provider) throws SQLException {
        syncTableList(node, catalog.tables(provider));
    }

    // Mirrors SkyTools' sync_table_list: the node learns about tables added or removed upstream.
    private void syncTableList(Connection node, Map<String, TableInfo> src) throws SQLException {
        Map<String, TableInfo> dst = catalog.tables(node);
        for (String tbl : src.keySet()) {
            if (!dst.containsKey(tbl) && registering.registersTable(tbl)) {
                log.info("table \"{}\" info missing from subscriber, adding", tbl);
                SqlRows.retCall(node, "select * from londiste.global_add_table(?, ?)", queue, tbl);
            }
        }
        for (String tbl : dst.keySet()) {
            if (!src.containsKey(tbl)) {
                log.info("table \"{}\" gone from provider, removing", tbl);
                SqlRows.retCall(node, "select * from londiste.global_remove_table(?, ?)", queue, tbl);
            }
        }
    }

    private String addOne(
            Connection node,
            Connection provider,
            LocalNode self,
            String tbl,
            TableInfo srcInfo,
            AddTableOptions o,
            boolean needsTable,
            List<String> skipped,
            List<String> warnings)
            throws SQLException {
        String dest = TableCatalog.fq(o.destTable() != null ? o.destTable() : tbl);
        FqName destName = FqName.parse(dest);
        String srcDest = srcInfo == null ? tbl : srcInfo.destTable();
        boolean exists = TableStructures.tableExists(node, destName);
        boolean onProvider = !self.isRoot() && TableStructures.tableExists(provider, FqName.parse(srcDest));
        if ((o.create() || o.createFull()) && !exists && !self.isRoot()) {
            if (!onProvider) {
                if (o.skipNonExisting()) {
                    skipped.add(tbl + ": missing on the provider, cannot create");
                    return "skipped";
                }
                throw SkyToolsException.state("table \"" + srcDest + "\" does not exist on the provider;"
                        + " cannot create \"" + dest + "\" from it");
            }
            TableStructures.createFromProvider(node, provider, FqName.parse(srcDest), destName, o.createFull());
            exists = true;
        } else if (needsTable && exists && onProvider && !o.force()) {
            TableStructures.checkColumns(node, provider, FqName.parse(srcDest), destName);
        }
        if (needsTable) {
            if (!exists) {
                throw SkyToolsException.state(
                        "table \"" + dest + "\" does not exist on this node;" + " create it or use --create");
            }
            Object types = SqlRows.value(node, "select londiste.find_column_types(?)", dest);
            if (types == null || types.toString().indexOf('k') < 0) {
                throw SkyToolsException.state("table \"" + dest + "\" has no primary key; londiste needs one");
            }
        }
        Map<String, Object> ret = register(node, tbl, o, dest);
        String note = String.valueOf(ret.get("ret_note"));
        if (SqlRows.code(ret) == 200 && note.startsWith("Table already added")) {
            return "already";
        }
        if (SqlRows.code(ret) >= 300) {
            warnings.add(note);
            log.warn("{}", note);
        }
        log.info("table \"{}\" added: {}", tbl, note);
        return "added";
    }

    private Map<String, Object> register(Connection node, String tbl, AddTableOptions o, String dest)
            throws SQLException {
        List<String> tgargs = triggerArgs(o);
        Map<String, String> attrs = new LinkedHashMap<>();
        String handler = handlerAttr(tbl, o, tgargs);
        if (handler != null) {
            attrs.put("handler", handler);
        }
        if (o.findCopyNode()) {
            attrs.put("copy_node", "?");
        } else if (o.copyNode() != null) {
            attrs.put("copy_node", o.copyNode());
        }
        if (!o.expectSync() && o.skipTruncate()) {
            attrs.put("skip_truncate", "1");
        }
        if (o.maxParallelCopy() != null) {
            attrs.put("max_parallel_copy", o.maxParallelCopy().toString());
        }
        setLockTimeout(node);
        Array args = node.createArrayOf("text", tgargs.toArray());
        return SqlRows.retCall(
                node,
                "select * from londiste.local_add_table(?, ?, ?, ?, ?)",
                queue,
                tbl,
                args,
                attrs.isEmpty() ? null : Quoting.urlEncode(attrs),
                dest.equals(tbl) ? null : dest);
    }

    /**
     * {@code change-handler}: sets the handler of a table added on this node from {@code o}
     * (handler, its arguments and the trigger switches; no handler means the default) and makes
     * its trigger again. Returns what was done; nothing changes when the handler is the same.
     */
    public String changeHandler(Connection node, String table, AddTableOptions o) throws SQLException {
        String tbl = TableCatalog.fq(table);
        TableInfo t = catalog.table(node, tbl)
                .filter(TableInfo::local)
                .orElseThrow(() -> SkyToolsException.state(
                        "table \"" + tbl + "\" is not added on this node; add it with add-table first"));
        List<String> tgargs = triggerArgs(o);
        String handler = handlerAttr(tbl, o, tgargs);
        Map<String, String> attrs = new LinkedHashMap<>(t.attrs());
        if (java.util.Objects.equals(attrs.get("handler"), handler)) {
            return "handler of table " + tbl + " unchanged";
        }
        if (handler == null) {
            attrs.remove("handler");
        } else {
            attrs.put("handler", handler);
        }
        setLockTimeout(node);
        Map<String, Object> ret = SqlRows.retCall(
                node,
                "select * from londiste.local_change_handler(?, ?, ?, ?)",
                queue,
                tbl,
                node.createArrayOf("text", tgargs.toArray()),
                attrs.isEmpty() ? null : Quoting.urlEncode(attrs));
        if (SqlRows.code(ret) >= 300) {
            throw SkyToolsException.state(String.valueOf(ret.get("ret_note")));
        }
        return String.valueOf(ret.get("ret_note"));
    }

    /**
     * The {@code handler} attribute for {@code o}'s handler, or null for the default; appends the
     * trigger arguments the handler adds. An unknown handler or argument is refused here, before
     * anything changes.
     */
    private String handlerAttr(String table, AddTableOptions o, List<String> tgargs) {
        if (o.handler() == null) {
            return null;
        }
        String handler = HandlerTraits.handlerString(o.handler(), o.handlerArgs());
        TableHandler h = handlers.create(HandlerSpec.parse(handler));
        if (h.obfuscator() != null) {
            h.obfuscator().requireTable(table);
        }
        if (h.hashExpr() != null) {
            // the root's trigger stores each row's hash for the partitions' replays
            tgargs.add("ev_extra3='hash='||" + h.hashExpr());
        }
        HandlerTraits.addTriggerArgs(o.handler(), tgargs);
        return handler;
    }

    static List<String> triggerArgs(AddTableOptions o) {
        List<String> tgargs = new ArrayList<>(o.triggerArgs());
        if (o.triggerFlags() != null) {
            tgargs.add("tgflags=" + o.triggerFlags());
        }
        if (o.noTriggers()) {
            tgargs.add("no_triggers");
        }
        if (o.mergeAll()) {
            tgargs.add("merge_all");
        }
        if (o.noMerge()) {
            tgargs.add("no_merge");
        }
        if (o.expectSync()) {
            tgargs.add("expect_sync");
        }
        return tgargs;
    }

    private void setLockTimeout(Connection node) throws SQLException {
        long ms = lockTimeout.toMillis();
        if (ms > 0) {
            SqlRows.execute(node, "set local statement_timeout = " + ms);
        }
    }

    /**
     * remove-table: unsubscribes local tables (names or globs; empty with {@code all} = every local
     * table). Dropping a table's triggers needs a lock on it, which a running copy holds until it
     * has handed the table over, and the copy then takes the worker's state row: waiting for the
     * table while holding that row would deadlock with the copy and stop the replay. So the tables
     * are locked without waiting; while one is busy, the removal lets go of everything and tries
     * again a second later (L-14). The copy then finds its table gone and stops.
     */
    public List<String> removeTables(Connection node, List<String> names, boolean all) throws SQLException {
        Instant nextNote = Instant.EPOCH;
        while (true) {
            try {
                return Tx.runBesideWorker(node, queue, () -> {
                    List<String> list = expandLocal(node, names, all);
                    for (String tbl : list) {
                        lockWithoutWaiting(node, tbl);
                    }
                    for (String tbl : list) {
                        SqlRows.retCall(node, "select * from londiste.local_remove_table(?, ?)", queue, tbl);
                        log.info("table \"{}\" removed", tbl);
                    }
                    return list;
                });
            } catch (TableBusy busy) {
                if (Instant.now().isAfter(nextNote)) {
                    log.info("table \"{}\" is in use (by its copy?); waiting to remove it", busy.table);
                    nextNote = Instant.now().plus(BUSY_NOTE_EVERY);
                }
                pause(BUSY_RETRY);
            }
        }
    }

    /** A table that another transaction holds, found while removing it. */
    private static final class TableBusy extends RuntimeException {
        final String table;

        TableBusy(String table, SQLException cause) {
            super("table \"" + table + "\" is locked by another transaction", cause, false, false);
            this.table = table;
        }
    }

    // the lock dropping the replication triggers takes, taken at once or not at all
    private void lockWithoutWaiting(Connection node, String tbl) throws SQLException {
        Object dest = SqlRows.value(
                node,
                "select coalesce(dest_table, table_name) from londiste.table_info"
                        + " where queue_name = ? and table_name = ? and local and londiste.find_table_oid("
                        + "coalesce(dest_table, table_name)) is not null",
                queue,
                tbl);
        if (dest == null) {
            return;
        }
        try {
            SqlRows.execute(
                    node,
                    "lock table " + FqName.parse(dest.toString()).quoted() + " in share row exclusive mode nowait");
        } catch (SQLException e) {
            if ("55P03".equals(e.getSQLState())) {
                throw new TableBusy(tbl, e);
            }
            throw e;
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SkyToolsException.state("interrupted while waiting to remove a table");
        }
    }

    /**
     * resync: sets local tables back to NULL (no snapshot) so the worker copies them again. Each
     * table must be replicated on the provider unless {@code findCopyNode}; a copy node is stored.
     *
     * @param provider provider connection, or null to skip the provider check
     */
    public List<String> resync(
            Connection node,
            Connection provider,
            List<String> names,
            boolean all,
            String copyNode,
            boolean findCopyNode)
            throws SQLException {
        Map<String, TableInfo> src = provider == null ? Map.of() : catalog.tables(provider);
        if (provider != null) {
            SqlRows.endRead(provider);
        }
        return Tx.runBesideWorker(node, queue, () -> {
            List<String> list = expandLocal(node, names, all);
            Map<String, TableInfo> mine = catalog.tables(node);
            for (String tbl : list) {
                TableInfo p = src.get(tbl);
                if (provider != null && !findCopyNode && copyNode == null && (p == null || !p.local())) {
                    throw SkyToolsException.state(
                            "table \"" + tbl + "\" is not replicated on the provider;" + " cannot copy it from there");
                }
                TableInfo t = mine.get(tbl);
                if (copyNode != null || findCopyNode) {
                    catalog.setAttr(node, t, "copy_node", findCopyNode ? "?" : copyNode);
                }
                if (t != null && t.droppedDdl() != null) {
                    // a copy over several connections died and kept what it dropped: the table is
                    // in-copy and its next copy starts over from that DDL
                    log.info("table \"{}\" is being copied again already", tbl);
                    continue;
                }
                SqlRows.retCall(node, "select * from londiste.local_set_table_state(?, ?, null, null)", queue, tbl);
                log.info("table \"{}\" will be copied again", tbl);
            }
            return list;
        });
    }

    private List<String> expandLocal(Connection node, List<String> names, boolean all) throws SQLException {
        List<String> local = new ArrayList<>();
        for (TableInfo t : catalog.localTables(node)) {
            local.add(t.name());
        }
        if (names.isEmpty()) {
            if (!all) {
                throw SkyToolsException.usage("no tables given; name the tables or use --all");
            }
            return local;
        }
        return NameExpander.expand("table", names, local, catalog.missing(node, "r"), false)
                .names();
    }

    /** tables: the local tables with state and attributes, ordered by name. */
    public List<TableInfo> tables(Connection node) throws SQLException {
        List<TableInfo> list = new ArrayList<>(catalog.localTables(node));
        list.sort((a, b) -> a.name().compareTo(b.name()));
        SqlRows.endRead(node);
        return list;
    }

    /** missing: tables and sequences of the queue (or, on the root, of the database) not yet local. */
    public List<TableCatalog.MissingObject> missing(Connection node) throws SQLException {
        List<TableCatalog.MissingObject> out = catalog.missing(node);
        SqlRows.endRead(node);
        return out;
    }

    /** Local tables not yet {@code ok}; empty when the node is in sync (wait-sync polls this). */
    public List<TableInfo> notInSync(Connection node) throws SQLException {
        List<TableInfo> out = new ArrayList<>();
        for (TableInfo t : catalog.localTables(node)) {
            if (t.state().phase() != MergeState.Phase.OK) {
                out.add(t);
            }
        }
        return out;
    }
}
