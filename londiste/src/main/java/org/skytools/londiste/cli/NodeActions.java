package org.skytools.londiste.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.skytools.common.error.SkyToolsException;
import org.skytools.londiste.config.LondisteKeys;
import org.skytools.londiste.table.CopyNodeRename;
import org.skytools.londiste.table.TableStatusLines;
import org.skytools.pgq.cascade.CascadeAdmin;
import org.skytools.pgq.cascade.NodeInfo;
import org.skytools.pgq.cascade.NodeLocation;
import org.skytools.pgq.cascade.NodeSetup;
import org.skytools.pgq.cascade.NodeType;
import org.skytools.pgq.cascade.SubscriberInit;
import org.skytools.sql.SchemaInstaller;
import org.skytools.sql.SqlSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The node commands: create-*, status, members, pause/resume, change-provider, waits, drop/tag. */
final class NodeActions {
    private static final Logger log = LoggerFactory.getLogger(NodeActions.class);

    /** How long pause, resume and change-provider wait for the worker's acknowledgement. */
    static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);
    // a takeover waits for the new root to replay up to the old root's last tick
    private static final Duration TAKEOVER_TIMEOUT = Duration.ofMinutes(30);

    private NodeActions() {}

    static CascadeAdmin admin(AdminContext ctx) {
        return new CascadeAdmin(ctx::remote, ctx.nodeConnstr(), ctx.queueName(), Duration.ofMillis(500))
                .treatingAsDead(java.util.Set.copyOf(ctx.options().dead));
    }

    static AdminAction create(NodeType type) {
        return ctx -> {
            List<String> args = ctx.args();
            String node = args.size() > 0 ? args.get(0) : LondisteKeys.NODE_NAME.get(ctx.config());
            String location = args.size() > 1 ? args.get(1) : LondisteKeys.PUBLIC_NODE_LOCATION.get(ctx.config());
            if (node == null || node.isBlank()) {
                throw SkyToolsException.usage("node name missing: give it after the command or set node_name in "
                        + ctx.config().file());
            }
            if (location == null || location.isBlank()) {
                throw SkyToolsException.usage("public connect string missing: give it after the node name or set"
                        + " public_node_location in " + ctx.config().file());
            }
            String provider = ctx.options().provider != null
                    ? ctx.options().provider
                    : LondisteKeys.INITIAL_PROVIDER_LOCATION.get(ctx.config());
            if (type != NodeType.ROOT && (provider == null || provider.isBlank())) {
                throw SkyToolsException.usage("create-" + type.name().toLowerCase(java.util.Locale.ROOT)
                        + " needs --provider=CONNSTR (or initial_provider_location in "
                        + ctx.config().file() + ")");
            }
            if (!location.contains("host=") && !location.contains("service=") && !location.contains("://")) {
                log.warn("public connect string \"{}\" names no host: other nodes may not reach it", location);
            }
            // the londiste schema (with pgq and pgq_node) must be there before the node is made
            new SchemaInstaller().applyWithRequirements(ctx.node(), SqlSchema.LONDISTE);
            NodeSetup setup = new NodeSetup(
                    node,
                    location,
                    type == NodeType.ROOT ? null : provider,
                    ctx.jobName(),
                    ctx.options().syncWatermark,
                    ctx.options().merge,
                    !ctx.options().noCheck);
            // like SkyTools, a new node starts out knowing the provider's tables and sequences (C-8)
            SubscriberInit learnSet = (db, prov) -> {
                TableActions.admin(ctx).copyRegistrations(db, prov);
                TableActions.seqAdmin(ctx).copyRegistrations(db, prov);
            };
            ctx.out().println(admin(ctx).createNode(type, setup, learnSet));
            return 0;
        };
    }

    static AdminAction status() {
        return ctx -> {
            ctx.out()
                    .print(admin(ctx)
                            .status(
                                    new TableStatusLines(ctx.queueName()),
                                    java.util.Set.copyOf(ctx.options().dead),
                                    ctx.options().compact));
            return 0;
        };
    }

    static AdminAction nodeStatus() {
        return ctx -> {
            ctx.out().print(admin(ctx).nodeStatus());
            return 0;
        };
    }

    static AdminAction nodeInfo() {
        return ctx -> {
            ctx.out().print(admin(ctx).nodeInfoText());
            return 0;
        };
    }

    static AdminAction members() {
        return ctx -> {
            List<NodeLocation> members = admin(ctx).members();
            ctx.out().printf("%-20s %-5s %s%n", "node_name", "dead", "node_location");
            ctx.out().printf("%-20s %-5s %s%n", "-".repeat(20), "-".repeat(5), "-".repeat(20));
            for (NodeLocation m : members) {
                ctx.out().printf("%-20s %-5s %s%n", m.nodeName(), m.dead(), m.location());
            }
            return 0;
        };
    }

    static AdminAction pause(boolean pause) {
        return ctx -> {
            CascadeAdmin admin = admin(ctx);
            ctx.out().println(pause ? admin.pause(null, ACK_TIMEOUT) : admin.resume(null, ACK_TIMEOUT));
            return 0;
        };
    }

    static AdminAction changeProvider() {
        return ctx -> {
            String provider = ctx.options().provider;
            if (provider == null || provider.isBlank()) {
                throw SkyToolsException.usage("change-provider needs --provider=NODE");
            }
            ctx.out().println(admin(ctx).changeProvider(provider, null, ACK_TIMEOUT));
            return 0;
        };
    }

    static AdminAction dropNode() {
        return ctx -> {
            ctx.out().println(admin(ctx).dropNode(ctx.args().get(0)));
            return 0;
        };
    }

    static AdminAction tagDead() {
        return ctx -> {
            ctx.out().println(admin(ctx).tagDead(ctx.args().get(0)));
            return 0;
        };
    }

    static AdminAction tagAlive() {
        return ctx -> {
            ctx.out().println(admin(ctx).tagAlive(ctx.args().get(0)));
            return 0;
        };
    }

    static AdminAction showConsumers() {
        return ctx -> {
            ctx.out()
                    .print(admin(ctx)
                            .showConsumers(
                                    ctx.args().isEmpty() ? null : ctx.args().get(0)));
            return 0;
        };
    }

    static AdminAction renameNode() {
        return ctx -> {
            ctx.out()
                    .println(admin(ctx).renameNode(ctx.args().get(0), ctx.args().get(1), new CopyNodeRename()));
            return 0;
        };
    }

    /** takeover OLD_NODE: the local node takes the old node's place (switchover, or failover with --dead-root). */
    static AdminAction takeover() {
        return ctx -> {
            LondisteOptions o = ctx.options();
            if (o.deadRoot && o.deadBranch) {
                throw SkyToolsException.usage("give only one of --dead-root and --dead-branch");
            }
            // --target: that node takes over, whichever node's config this is
            CascadeAdmin acting = o.target == null || o.target.isBlank()
                    ? admin(ctx)
                    : admin(ctx).at(o.target);
            ctx.out()
                    .println(acting.takeover(
                            ctx.args().get(0),
                            o.all,
                            o.deadRoot,
                            o.deadBranch,
                            java.util.Set.copyOf(o.dead),
                            TAKEOVER_TIMEOUT));
            return 0;
        };
    }

    /** resurrect: an old root that was failed over becomes a paused branch; lost events go to a file in the current directory. */
    static AdminAction resurrect() {
        return ctx -> {
            ctx.out()
                    .println(admin(ctx)
                            .resurrect(
                                    java.nio.file.Path.of("resurrect-lost-events.json"),
                                    java.util.Set.copyOf(ctx.options().dead)));
            return 0;
        };
    }

    /** wait-root / wait-provider: no time limit of their own, as londiste 3 (use timeout(1)). */
    static AdminAction waitFor(boolean root) {
        return ctx -> {
            Duration forever = Duration.ofDays(3650);
            CascadeAdmin admin = admin(ctx);
            long tick = root ? admin.waitRoot(forever) : admin.waitProvider(forever);
            ctx.out().println("caught up with the " + (root ? "root" : "provider") + " at tick " + tick);
            return 0;
        };
    }

    /**
     * {@code worker --rewind}: the provider gives the batches after the tick completed here again;
     * {@code worker --reset}: this node takes the provider's position as completed (events in
     * between are skipped). Run with the worker stopped.
     */
    static AdminAction repairPosition(boolean rewind) {
        return ctx -> {
            String queue = ctx.queueName();
            NodeInfo node = TableActions.node(ctx);
            if (node.isRoot()) {
                throw SkyToolsException.state(
                        "node \"" + node.nodeName() + "\" is the root: it has no provider position");
            }
            Connection provider = ctx.remote(node.providerLocation());
            String worker = node.workerName();
            if (rewind) {
                long tick = node.workerLastTick();
                try (PreparedStatement ps = provider.prepareStatement("select pgq.register_consumer_at(?, ?, ?)")) {
                    ps.setString(1, queue);
                    ps.setString(2, worker);
                    ps.setLong(3, tick);
                    ps.execute();
                }
                log.info("provider position of \"{}\" moved to tick {}, the last one completed here", worker, tick);
                return 0;
            }
            long tick;
            try (PreparedStatement ps =
                    provider.prepareStatement("select last_tick from pgq.get_consumer_info(?, ?)")) {
                ps.setString(1, queue);
                ps.setString(2, worker);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw SkyToolsException.state("\"" + worker + "\" is not registered on the provider");
                    }
                    tick = rs.getLong(1);
                }
            }
            try (PreparedStatement ps =
                    ctx.node().prepareStatement("select * from pgq_node.set_consumer_completed(?, ?, ?)")) {
                ps.setString(1, queue);
                ps.setString(2, worker);
                ps.setLong(3, tick);
                ps.execute();
            }
            log.info("tick {} of the provider recorded as completed here for \"{}\"", tick, worker);
            return 0;
        };
    }
}
