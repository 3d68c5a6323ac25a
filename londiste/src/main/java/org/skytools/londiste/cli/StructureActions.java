package org.skytools.londiste.cli;

import java.util.List;
import java.util.Map;
import org.skytools.common.error.SkyToolsException;
import org.skytools.londiste.compare.StructureChecker;
import org.skytools.londiste.table.SqlRows;
import org.skytools.pgq.cascade.NodeInfo;

/** check (table structures against the provider) and fkeys (foreign keys waiting to be restored). */
final class StructureActions {
    private StructureActions() {}

    /** check: one line per table; the exit code is the number of tables whose structure differs. */
    static AdminAction check() {
        return ctx -> {
            NodeInfo node = TableActions.node(ctx);
            if (node.isRoot() || node.providerLocation() == null) {
                throw SkyToolsException.state("node \"" + node.nodeName()
                        + "\" is the root: check compares a subscriber's tables with its provider's");
            }
            String location = node.providerLocation();
            List<StructureChecker.Outcome> outcomes = new StructureChecker(ctx.queueName())
                    .walkUp(ctx::remote)
                    .check(ctx.node(), () -> ctx.remote(location), ctx.args());
            int differing = 0;
            for (StructureChecker.Outcome o : outcomes) {
                if (o.skipReason() != null) {
                    ctx.out().printf("%s: not checked, %s%n", o.table(), o.skipReason());
                } else if (o.differs()) {
                    differing++;
                    for (String d : o.differences()) {
                        ctx.out().printf("%s: %s%n", o.table(), d);
                    }
                } else {
                    ctx.out().printf("%s: same structure%n", o.table());
                }
            }
            return differing;
        };
    }

    /** fkeys: the statements that create again the foreign keys dropped for a copy. */
    static AdminAction fkeys() {
        return ctx -> {
            List<Map<String, Object>> rows = SqlRows.query(
                    ctx.node(), "select fkey_def from londiste.pending_fkeys order by from_table, fkey_name");
            SqlRows.endRead(ctx.node());
            if (rows.isEmpty()) {
                ctx.out().println("-- no foreign keys wait to be restored");
                return 0;
            }
            ctx.out()
                    .println("-- foreign keys dropped for a copy; the worker creates each again once both its"
                            + " tables are ok");
            for (Map<String, Object> r : rows) {
                String def = String.valueOf(r.get("fkey_def")).strip();
                ctx.out().println(def.endsWith(";") ? def : def + ";");
            }
            return 0;
        };
    }
}
