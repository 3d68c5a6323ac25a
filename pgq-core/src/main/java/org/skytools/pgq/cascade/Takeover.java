package org.skytools.pgq.cascade;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.skytools.common.db.Quoting;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.pgq.PgqClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code takeover OLD_NODE}: the local node takes over the old node's place (behaviour C-18 to
 * C-21). Of a live root by switchover: the old root stops taking events and ticks a last time, the
 * local node replays up to that tick and becomes the root, the old root becomes its branch, so no
 * event is lost or doubled. Of a dead root by failover: it is tagged dead, the local node first
 * reads from the surviving subscriber that got furthest, then becomes the root and keeps a
 * {@code <old>.gravestone} subscription where the old root's history ends. Of a branch: the two
 * swap places.
 */
final class Takeover {
    private static final Logger log = LoggerFactory.getLogger(Takeover.class);

    private final CascadeAdmin local;
    private final NodeConnector connector;
    private final String queue;
    private final Duration pollInterval;
    private final Duration timeout;
    private final Set<String> deadNodes;
    private Map<String, NodeLocation> members;

    Takeover(
            CascadeAdmin local,
            NodeConnector connector,
            String queue,
            Duration pollInterval,
            Duration timeout,
            Set<String> deadNodes) {
        this.local = local;
        this.connector = connector;
        this.queue = queue;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
        this.deadNodes = new TreeSet<>(deadNodes);
    }

    String run(String oldNode, boolean all, boolean deadRoot, boolean deadBranch) throws SQLException {
        NodeInfo me = local.nodeInfo();
        loadMembers();
        if (oldNode == null || oldNode.isBlank()) {
            throw SkyToolsException.usage("takeover needs the node to take over: takeover NODE");
        }
        if (!members.containsKey(oldNode)) {
            throw SkyToolsException.usage(
                    "unknown node \"" + oldNode + "\"; see members for the nodes of queue \"" + queue + "\"");
        }
        if (oldNode.equals(me.nodeName())) {
            return "node \"" + oldNode + "\" is this node: nothing to take over";
        }
        if (me.nodeType() == NodeType.LEAF) {
            throw SkyToolsException.state("node \"" + me.nodeName() + "\" is a leaf and cannot take over \"" + oldNode
                    + "\"; a leaf has no queue to serve others from");
        }
        boolean failover = deadRoot || deadBranch;
        boolean oldIsRoot;
        if (failover) {
            oldIsRoot = deadRoot;
            local.tagDead(oldNode);
            deadNodes.add(oldNode);
            loadMembers();
        } else {
            oldIsRoot = info(oldNode).isRoot();
        }
        String done = oldIsRoot ? takeoverRoot(oldNode, me.nodeName()) : takeoverBranch(oldNode, me.nodeName());
        if (all || failover) {
            // after the switch: the new node then has every tick a subscriber may stand on
            for (String n : subscribersOf(oldNode)) {
                if (!n.equals(me.nodeName())) {
                    log.info("moving \"{}\" from \"{}\" to \"{}\"", n, oldNode, me.nodeName());
                    admin(n).changeProvider(me.nodeName(), null, timeout);
                }
            }
        }
        log.info(done);
        return done;
    }

    private String takeoverRoot(String oldNode, String newNode) throws SQLException {
        NodeInfo newInfo = info(newNode);
        NodeInfo oldInfo = null;
        long lastTick;
        if (alive(oldNode)) {
            oldInfo = info(oldNode);
            admin(oldNode).pause(null, timeout);
            try {
                demote(oldNode, 1, newNode);
                lastTick = demote(oldNode, 2, newNode);
                log.info(
                        "old root \"{}\" ended with tick {}; waiting for \"{}\" to reach it",
                        oldNode,
                        lastTick,
                        newNode);
                awaitCompleted(newNode, lastTick);
            } catch (SQLException | RuntimeException e) {
                undoDemotion(oldNode);
                throw e;
            }
        } else {
            lastTick = queueTop(newNode);
            String further = null;
            long furthest = lastTick;
            for (String n : subscribersOf(oldNode)) {
                NodeInfo sub = info(n);
                Long t = sub.workerLastTick();
                // a leaf has no queue to read from
                if (sub.nodeType() != NodeType.LEAF && t != null && t > furthest) {
                    furthest = t;
                    further = n;
                }
            }
            if (further != null) {
                log.info("node \"{}\" got further (tick {}): reading from it first", further, furthest);
                local.changeProvider(further, null, timeout);
                awaitCompleted(newNode, furthest);
                lastTick = furthest;
            }
        }
        // the new node may have moved to the survivor that got furthest
        newInfo = info(newNode);
        admin(newNode).pause(null, timeout);
        try (Connection c = connect(newNode)) {
            NodeCreator.check(new PgqNodeClient(c).promoteBranch(queue), "promote_branch");
        }
        String oldWorker = oldInfo != null ? oldInfo.workerName() : oldNode + ".gravestone";
        try (Connection c = connect(newNode)) {
            NodeCreator.check(
                    new PgqNodeClient(c)
                            .registerSubscriber(queue, oldNode, oldWorker, lastTick)
                            .ret(),
                    "register_subscriber");
        }
        String provider = newInfo.providerNode();
        if (provider != null && alive(provider)) {
            try (Connection c = connect(provider)) {
                new PgqNodeClient(c).unregisterSubscriber(queue, newNode);
            }
        }
        admin(newNode).resume(null, timeout);
        if (oldInfo != null) {
            demote(oldNode, 3, newNode);
            admin(oldNode).resume(null, timeout);
            return "node \"" + newNode + "\" is the root now; \"" + oldNode + "\" is its branch from tick " + lastTick;
        }
        return "node \"" + newNode + "\" is the root now; the history of the dead root \"" + oldNode
                + "\" ends at tick " + lastTick + " (" + oldWorker + ")";
    }

    /**
     * A switchover that failed before the new root took over: the old root takes events and
     * ticks again, and its worker runs, so the applications are not left refused.
     */
    private void undoDemotion(String oldNode) {
        try (Connection c = connect(oldNode)) {
            PgqClient pgq = new PgqClient(c);
            pgq.setQueueConfig(queue, "disable_insert", "0");
            pgq.setQueueConfig(queue, "external_ticker", "0");
            admin(oldNode).resume(null, Duration.ZERO);
            log.error("switchover failed: \"{}\" is the root again and takes events", oldNode);
        } catch (SQLException | RuntimeException e) {
            log.error(
                    "switchover failed and \"{}\" could not be made writable again: {}; run there"
                            + " select pgq.set_queue_config({}, 'disable_insert', '0'),"
                            + " pgq.set_queue_config({}, 'external_ticker', '0'); then resume it",
                    oldNode,
                    e.getMessage(),
                    Quoting.quoteLiteral(queue),
                    Quoting.quoteLiteral(queue));
        }
    }

    private String takeoverBranch(String oldNode, String newNode) throws SQLException {
        if (dependsOn(newNode, oldNode)) {
            // the old node is upstream: first read from where it reads
            String above = providerOf(oldNode);
            log.info("\"{}\" reads through \"{}\": moving it to \"{}\" first", newNode, oldNode, above);
            local.changeProvider(above, null, timeout);
        }
        if (alive(oldNode)) {
            admin(oldNode).changeProvider(newNode, null, timeout);
        }
        return "node \"" + newNode + "\" took the place of \"" + oldNode + "\"";
    }

    private long demote(String node, int step, String newProvider) throws SQLException {
        try (Connection c = connect(node)) {
            PgqNodeClient.Demotion d = new PgqNodeClient(c).demoteRoot(queue, step, newProvider);
            NodeCreator.check(d.ret(), "demote_root step " + step);
            return d.lastTick() == null ? 0 : d.lastTick();
        }
    }

    private void awaitCompleted(String node, long tick) throws SQLException {
        NodeInfo i = info(node);
        if (i.workerPaused()) {
            log.info("node \"{}\" is paused, resuming it", node);
            admin(node).resume(null, Duration.ZERO);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (i.workerLastTick() == null || i.workerLastTick() < tick) {
            if (System.nanoTime() > deadline) {
                throw new SkyToolsException(
                        ErrorKind.STATE,
                        "node \"" + node + "\" did not reach tick " + tick + " within " + timeout.toSeconds()
                                + " s (at " + i.workerLastTick() + "); check that its worker runs, then run takeover"
                                + " again");
            }
            local.sleep();
            i = info(node);
        }
    }

    private long queueTop(String node) throws SQLException {
        try (Connection c = connect(node)) {
            return new PgqClient(c)
                    .getQueueInfo(queue)
                    .orElseThrow(() -> SkyToolsException.state("node \"" + node + "\" has no queue \"" + queue + "\""))
                    .lastTickId();
        }
    }

    /** The live members whose worker reads from {@code parent}, sorted. */
    private List<String> subscribersOf(String parent) throws SQLException {
        List<String> out = new ArrayList<>();
        for (NodeLocation m : members.values()) {
            if (m.nodeName().equals(parent) || !alive(m.nodeName())) {
                continue;
            }
            if (parent.equals(info(m.nodeName()).providerNode())) {
                out.add(m.nodeName());
            }
        }
        out.sort(null);
        return out;
    }

    private boolean dependsOn(String node, String upstream) throws SQLException {
        String cur = node;
        while (cur != null) {
            if (cur.equals(upstream)) {
                return true;
            }
            if (!alive(cur)) {
                return false;
            }
            NodeInfo i = info(cur);
            if (i.isRoot()) {
                return false;
            }
            cur = i.providerNode();
        }
        return false;
    }

    private String providerOf(String node) throws SQLException {
        if (alive(node)) {
            return info(node).providerNode();
        }
        for (NodeLocation m : members.values()) {
            if (m.nodeName().equals(node) || !alive(m.nodeName())) {
                continue;
            }
            try (Connection c = connect(m.nodeName())) {
                boolean serves = new PgqNodeClient(c)
                        .getSubscriberInfo(queue).stream()
                                .anyMatch(s -> s.nodeName().equals(node));
                if (serves) {
                    return m.nodeName();
                }
            }
        }
        throw SkyToolsException.state("no live provider of \"" + node + "\" found");
    }

    private boolean alive(String node) {
        NodeLocation m = members.get(node);
        return m != null && !m.dead() && !deadNodes.contains(node);
    }

    private NodeInfo info(String node) throws SQLException {
        try (Connection c = connect(node)) {
            return new PgqNodeClient(c)
                    .getNodeInfo(queue)
                    .orElseThrow(() -> SkyToolsException.state("node \"" + node + "\" has no queue \"" + queue + "\""));
        }
    }

    private CascadeAdmin admin(String node) {
        return new CascadeAdmin(connector, location(node), queue, pollInterval);
    }

    private Connection connect(String node) throws SQLException {
        return CascadeAdmin.open(connector, location(node), "node \"" + node + "\"");
    }

    private String location(String node) {
        NodeLocation m = members.get(node);
        if (m == null || m.dead() || deadNodes.contains(node)) {
            throw SkyToolsException.state("node \"" + node + "\" is dead or unknown");
        }
        return m.location();
    }

    private void loadMembers() throws SQLException {
        members = NodeCreator.byName(local.members());
    }
}
