package org.skytools.londiste.cli;

import java.nio.file.Path;
import java.util.List;
import org.skytools.common.error.SkyToolsException;
import org.skytools.londiste.compare.CompareResult;
import org.skytools.londiste.compare.RepairResult;
import org.skytools.londiste.compare.TableComparer;
import org.skytools.londiste.compare.TableRepairer;
import org.skytools.londiste.config.LondisteKeys;
import org.skytools.pgq.cascade.NodeInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** compare and repair against the provider, or the first node above it that holds the table. */
final class CompareActions {
    private static final Logger log = LoggerFactory.getLogger(CompareActions.class);

    private CompareActions() {}

    private static String providerLocation(AdminContext ctx) throws Exception {
        NodeInfo node = TableActions.node(ctx);
        if (node.isRoot() || node.providerLocation() == null) {
            throw SkyToolsException.state(
                    "node \"" + node.nodeName() + "\" is the root: compare and repair run on a node with a provider");
        }
        return node.providerLocation();
    }

    /** compare: exit code is the number of tables that differ. */
    static AdminAction compare() {
        return ctx -> {
            String location = providerLocation(ctx);
            TableComparer comparer = new TableComparer(
                            ctx.queueName(),
                            LondisteKeys.LOCK_TIMEOUT.get(ctx.config()),
                            LondisteKeys.COMPARE_SQL.get(ctx.config()),
                            LondisteKeys.COMPARE_FMT.get(ctx.config()))
                    .walkUp(ctx::remote)
                    .handlers(LondisteKeys.handlers(ctx.config()));
            List<CompareResult> results = comparer.compare(
                    ctx.node(), () -> ctx.remote(location), ctx.args(), ctx.options().countOnly, ctx.options().force);
            for (CompareResult r : results) {
                if (!r.compared()) {
                    log.warn("{}: not compared, {}", r.table(), r.skipReason());
                    continue;
                }
                // both results are logged by the comparer as they come
                if (!r.matches()) {
                    log.warn("{}: results do not match!", r.table());
                }
            }
            return TableComparer.exitCode(results);
        };
    }

    /** repair: writes fix.TABLE.sql in the current directory, or applies it with --apply. */
    static AdminAction repair() {
        return ctx -> {
            String location = providerLocation(ctx);
            TableRepairer repairer = new TableRepairer(ctx.queueName(), LondisteKeys.LOCK_TIMEOUT.get(ctx.config()))
                    .walkUp(ctx::remote)
                    .handlers(LondisteKeys.handlers(ctx.config()))
                    .onlyRows(ctx.options().repairWhere);
            List<RepairResult> results = repairer.repair(
                    ctx.node(),
                    () -> ctx.remote(location),
                    ctx.args(),
                    Path.of("."),
                    ctx.options().apply,
                    ctx.options().force);
            int differing = 0;
            for (RepairResult r : results) {
                if (r.skipReason() != null) {
                    log.warn("{}: not repaired, {}", r.table(), r.skipReason());
                    continue;
                }
                if (!r.clean()) {
                    differing++;
                }
                ctx.out()
                        .printf(
                                "%s: %d to insert, %d to update, %d to delete%s%n",
                                r.table(),
                                r.inserts(),
                                r.updates(),
                                r.deletes(),
                                r.applied() ? ", applied" : r.file() != null ? ", fixes in " + r.file() : "");
            }
            return differing;
        };
    }
}
