package org.skytools.londiste.cli;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.skytools.common.error.SkyToolsException;
import org.skytools.londiste.config.LondisteKeys;
import org.skytools.londiste.table.AddTableOptions;
import org.skytools.londiste.table.AddTableResult;
import org.skytools.londiste.table.SeqAdmin;
import org.skytools.londiste.table.TableAdmin;
import org.skytools.londiste.table.TableCatalog;
import org.skytools.londiste.table.TableInfo;
import org.skytools.pgq.cascade.NodeInfo;
import org.skytools.pgq.cascade.PgqNodeClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The table and sequence commands: add/remove, tables, seqs, missing, resync, wait-sync. */
final class TableActions {
    private static final Logger log = LoggerFactory.getLogger(TableActions.class);
    private static final Duration WAIT_SYNC_POLL = Duration.ofSeconds(1);

    private TableActions() {}

    static TableAdmin admin(AdminContext ctx) {
        return new TableAdmin(ctx.queueName(), LondisteKeys.LOCK_TIMEOUT.get(ctx.config()))
                .registering(LondisteKeys.registerFilter(ctx.config()))
                .handlers(LondisteKeys.handlers(ctx.config()));
    }

    static SeqAdmin seqAdmin(AdminContext ctx) {
        return new SeqAdmin(ctx.queueName()).registering(LondisteKeys.registerFilter(ctx.config()));
    }

    /** The local node's info; fails with a clear line when the queue has no node here. */
    static NodeInfo node(AdminContext ctx) throws Exception {
        return new PgqNodeClient(ctx.node())
                .getNodeInfo(ctx.queueName())
                .orElseThrow(() -> SkyToolsException.state("queue \"" + ctx.queueName() + "\" has no node in "
                        + ctx.nodeConnstr() + "; create it with create-root, create-branch or create-leaf"));
    }

    /** A connection to the provider, or null on the root. */
    static Connection provider(AdminContext ctx, NodeInfo node) {
        if (node.isRoot() || node.providerLocation() == null) {
            return null;
        }
        return ctx.remote(node.providerLocation());
    }

    static AdminAction addTable() {
        return ctx -> {
            LondisteOptions o = ctx.options();
            if (ctx.args().isEmpty() && !o.all) {
                throw SkyToolsException.usage("add-table needs table names or --all");
            }
            NodeInfo node = node(ctx);
            AddTableOptions opts = triggerAndHandler(o)
                    .all(o.all)
                    .skipTruncate(o.skipTruncate)
                    .create(o.create)
                    .createFull(o.createFull)
                    .copyNode(o.copyNode)
                    .findCopyNode(o.findCopyNode)
                    .maxParallelCopy(o.maxParallelCopy)
                    .destTable(o.destTable)
                    .skipNonExisting(o.skipNonExisting)
                    .force(o.force)
                    .build();
            AddTableResult r = admin(ctx).addTables(ctx.node(), provider(ctx, node), ctx.args(), opts);
            r.warnings().forEach(w -> log.warn("{}", w));
            r.alreadyAdded().forEach(t -> log.info("table {} already added", t));
            r.skipped().forEach(s -> log.warn("skipped {}", s));
            r.added().forEach(t -> log.info("table added: {}", t));
            if (o.waitSync) {
                waitSync(ctx);
            }
            return 0;
        };
    }

    /** The switches add-table and change-handler share: the handler and the trigger's arguments. */
    static AddTableOptions.Builder triggerAndHandler(LondisteOptions o) {
        AddTableOptions.Builder b = AddTableOptions.builder();
        o.triggerArgs.forEach(b::triggerArg);
        o.handlerArgs.forEach(b::handlerArg);
        return b.triggerFlags(o.triggerFlags)
                .noTriggers(o.noTriggers)
                .handler(o.handler)
                .mergeAll(o.mergeAll)
                .noMerge(o.noMerge)
                .expectSync(o.expectSync);
    }

    static AdminAction removeTable() {
        return ctx -> {
            admin(ctx)
                    .removeTables(ctx.node(), ctx.args(), ctx.options().all)
                    .forEach(t -> log.info("table removed: {}", t));
            return 0;
        };
    }

    static AdminAction addSeq() {
        return ctx -> {
            LondisteOptions o = ctx.options();
            if (ctx.args().isEmpty() && !o.all) {
                throw SkyToolsException.usage("add-seq needs sequence names or --all");
            }
            NodeInfo node = node(ctx);
            seqAdmin(ctx)
                    .addSeqs(
                            ctx.node(),
                            provider(ctx, node),
                            ctx.args(),
                            o.all,
                            o.create || o.createFull,
                            o.skipNonExisting,
                            o.force)
                    .forEach(s -> log.info("sequence added: {}", s));
            return 0;
        };
    }

    static AdminAction removeSeq() {
        return ctx -> {
            seqAdmin(ctx)
                    .removeSeqs(ctx.node(), ctx.args(), ctx.options().all)
                    .forEach(s -> log.info("sequence removed: {}", s));
            return 0;
        };
    }

    static AdminAction tables() {
        return ctx -> {
            List<TableInfo> tables = admin(ctx).tables(ctx.node());
            if (ctx.options().namesOnly) {
                tables.forEach(t -> ctx.out().println(t.name()));
                return 0;
            }
            ctx.out().printf("%-36s %-16s %s%n", "table_name", "merge_state", "table_attrs");
            ctx.out().printf("%-36s %-16s %s%n", "-".repeat(36), "-".repeat(16), "-".repeat(11));
            for (TableInfo t : tables) {
                ctx.out().printf("%-36s %-16s %s%n", t.name(), t.state(), attrs(t.attrs()));
            }
            return 0;
        };
    }

    static AdminAction seqs() {
        return ctx -> {
            ctx.out().printf("%-36s %-6s %s%n", "seq_name", "local", "last_value");
            ctx.out().printf("%-36s %-6s %s%n", "-".repeat(36), "-".repeat(6), "-".repeat(10));
            for (TableCatalog.SeqInfo s : seqAdmin(ctx).seqs(ctx.node())) {
                ctx.out().printf("%-36s %-6s %s%n", s.name(), s.local(), s.lastValue());
            }
            return 0;
        };
    }

    static AdminAction missing() {
        return ctx -> {
            ctx.out().printf("%-4s %s%n", "kind", "name");
            for (TableCatalog.MissingObject m : admin(ctx).missing(ctx.node())) {
                ctx.out().printf("%-4s %s%n", m.kind(), m.name());
            }
            return 0;
        };
    }

    static AdminAction resync() {
        return ctx -> {
            LondisteOptions o = ctx.options();
            NodeInfo node = node(ctx);
            Connection provider = o.findCopyNode ? null : provider(ctx, node);
            admin(ctx)
                    .resync(ctx.node(), provider, ctx.args(), o.all, o.copyNode, o.findCopyNode)
                    .forEach(t -> log.info("table {} will be copied again", t));
            return 0;
        };
    }

    static AdminAction waitSync() {
        return ctx -> {
            waitSync(ctx);
            return 0;
        };
    }

    /** Polls until every local table is ok, logging what is still copying when that changes. */
    static void waitSync(AdminContext ctx) throws Exception {
        TableAdmin admin = admin(ctx);
        String last = null;
        while (true) {
            List<TableInfo> pending = admin.notInSync(ctx.node());
            if (pending.isEmpty()) {
                log.info("all tables in sync");
                return;
            }
            String now = pending.stream()
                    .map(t -> t.name() + " (" + (t.state() == null ? "waiting" : t.state()) + ")")
                    .collect(Collectors.joining(", "));
            if (!now.equals(last)) {
                log.info("waiting for {}", now);
                last = now;
            }
            Thread.sleep(WAIT_SYNC_POLL.toMillis());
        }
    }

    private static String attrs(Map<String, String> attrs) {
        return attrs == null || attrs.isEmpty()
                ? ""
                : attrs.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(" "));
    }
}
