package org.skytools.pgq.cascade;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.skytools.common.db.ConnectString;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.pgq.PgqClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Administration of one cascaded queue from one node (the "local" node, where the command runs):
 * node creation, status, pause and resume, provider change, waiting, dropping nodes and locations.
 * Nothing is printed; methods return values or text and fail with a {@link SkyToolsException}
 * whose message is one line.
 */
public final class CascadeAdmin {
    private static final Logger log = LoggerFactory.getLogger(CascadeAdmin.class);

    private final NodeConnector connector;
    private final String localConnstr;
    private final String queue;
    private final Duration pollInterval;
    private final Set<String> deadNodes;

    /** Admin of {@code queue} on the database at {@code localConnstr}. */
    public CascadeAdmin(NodeConnector connector, String localConnstr, String queue) {
        this(connector, localConnstr, queue, Duration.ofMillis(200));
    }

    /** Like the other constructor, polling every {@code pollInterval} while waiting for workers. */
    public CascadeAdmin(NodeConnector connector, String localConnstr, String queue, Duration pollInterval) {
        this(connector, localConnstr, queue, pollInterval, Set.of());
    }

    private CascadeAdmin(
            NodeConnector connector, String localConnstr, String queue, Duration pollInterval, Set<String> deadNodes) {
        this.connector = connector;
        this.localConnstr = localConnstr;
        this.queue = queue;
        this.pollInterval = pollInterval;
        this.deadNodes = Set.copyOf(deadNodes);
    }

    /**
     * The same admin treating {@code names} as dead ({@code --dead=NODE}, C-22): every command
     * sees them as tagged dead in the member list, so it neither connects to them nor waits for them.
     */
    public CascadeAdmin treatingAsDead(Set<String> names) {
        return new CascadeAdmin(connector, localConnstr, queue, pollInterval, names);
    }

    /**
     * The same administration acting from the member {@code nodeName} ({@code --target}): its
     * commands then run as if started with that node's config. Refused for an unknown or dead node.
     */
    public CascadeAdmin at(String nodeName) throws SQLException {
        NodeLocation m = member(nodeName);
        if (m.dead()) {
            throw SkyToolsException.state("node \"" + nodeName + "\" is dead and cannot act");
        }
        return new CascadeAdmin(connector, m.location(), queue, pollInterval, deadNodes);
    }

    /** The member list of the local node, with the nodes of {@code --dead} tagged dead. */
    List<NodeLocation> locations(Connection db) throws SQLException {
        List<NodeLocation> out = new ArrayList<>();
        for (NodeLocation m : new PgqNodeClient(db).getQueueLocations(queue)) {
            out.add(
                    deadNodes.contains(m.nodeName()) && !m.dead()
                            ? new NodeLocation(m.nodeName(), m.location(), true)
                            : m);
        }
        return out;
    }

    /** The queue administered. */
    public String queueName() {
        return queue;
    }

    /** {@code create-root}: returns what was done, or that the node already exists. */
    public String createRoot(NodeSetup setup) throws SQLException {
        return createNode(NodeType.ROOT, setup);
    }

    /** {@code create-branch}: needs {@code setup.providerConnstr()}. */
    public String createBranch(NodeSetup setup) throws SQLException {
        return createNode(NodeType.BRANCH, setup);
    }

    /** {@code create-leaf}: needs {@code setup.providerConnstr()}. */
    public String createLeaf(NodeSetup setup) throws SQLException {
        return createNode(NodeType.LEAF, setup);
    }

    /** Creates the local node of the given type; see {@link NodeCreator}. */
    public String createNode(NodeType type, NodeSetup setup) throws SQLException {
        return createNode(type, setup, SubscriberInit.NONE);
    }

    /** Creates the local node; a branch or leaf also gets what {@code init} adds in the same transaction. */
    public String createNode(NodeType type, NodeSetup setup, SubscriberInit init) throws SQLException {
        try (Connection db = local()) {
            return new NodeCreator(connector, queue, init).create(db, type, setup);
        }
    }

    /** {@code pgq_node.get_node_info} on the local node; fails when the queue has no node here. */
    public NodeInfo nodeInfo() throws SQLException {
        try (Connection db = local()) {
            return requireNode(db);
        }
    }

    /** {@code members}: every registered member of the cascade, by name. */
    public List<NodeLocation> members() throws SQLException {
        try (Connection db = local()) {
            requireNode(db);
            return locations(db);
        }
    }

    /** The member named {@code nodeName}; a usage error pointing to {@code members} when there is none. */
    NodeLocation member(String nodeName) throws SQLException {
        return member(members(), nodeName);
    }

    /** As {@link #member(String)}, in a member list already read. */
    NodeLocation member(List<NodeLocation> members, String nodeName) {
        return members.stream()
                .filter(l -> l.nodeName().equals(nodeName))
                .findFirst()
                .orElseThrow(() -> SkyToolsException.usage(
                        "unknown node \"" + nodeName + "\"; see members for the nodes of queue \"" + queue + "\""));
    }

    /** {@code status}: the tree of all live members with lag and last tick, as text. */
    public String status() throws SQLException {
        return status(StatusExtra.NONE);
    }

    /** {@code status} with extra lines per node (londiste adds its table counts). */
    public String status(StatusExtra extra) throws SQLException {
        return status(extra, Set.of());
    }

    /** {@code status} without connecting to the nodes in {@code dead} ({@code --dead=NODE}). */
    public String status(StatusExtra extra, Set<String> dead) throws SQLException {
        return status(extra, dead, false);
    }

    /** As {@link #status(StatusExtra, Set)}; {@code compact} gives each node one line ({@code --compact}). */
    public String status(StatusExtra extra, Set<String> dead, boolean compact) throws SQLException {
        try (Connection db = local()) {
            NodeInfo me = requireNode(db);
            List<NodeLocation> members = new PgqNodeClient(db).getQueueLocations(queue);
            return new CascadeStatus(connector, queue, extra, compact).render(me, members, union(dead));
        }
    }

    // the nodes of --dead given to this admin and to the command
    private Set<String> union(Set<String> more) {
        Set<String> all = new java.util.TreeSet<>(deadNodes);
        all.addAll(more);
        return all;
    }

    /** {@code node-status}: the local node with its provider, subscribers and info lines. */
    public String nodeStatus() throws SQLException {
        try (Connection db = local()) {
            NodeInfo me = requireNode(db);
            PgqNodeClient node = new PgqNodeClient(db);
            StringBuilder out = new StringBuilder();
            out.append("Queue: ")
                    .append(queue)
                    .append("   Node: ")
                    .append(me.nodeName())
                    .append(" (")
                    .append(me.nodeType().sqlName())
                    .append(")\n");
            if (!me.isRoot()) {
                out.append("Provider: ").append(me.providerNode()).append('\n');
            }
            List<String> subs = new ArrayList<>();
            for (SubscriberInfo s : node.getSubscriberInfo(queue)) {
                subs.add(s.nodeName());
            }
            out.append("Subscribers: ")
                    .append(subs.isEmpty() ? "-" : String.join(", ", subs))
                    .append('\n');
            for (String line : CascadeStatus.infoLines(me, null, node.getConsumerInfo(queue))) {
                out.append(line).append('\n');
            }
            return out.toString();
        }
    }

    /** {@code node-info}: name, type, queue, status, provider and the connect strings (masked) of the local node. */
    public String nodeInfoText() throws SQLException {
        try (Connection db = local()) {
            NodeInfo me = requireNode(db);
            Map<String, NodeLocation> members = NodeCreator.byName(new PgqNodeClient(db).getQueueLocations(queue));
            NodeLocation self = members.get(me.nodeName());
            String status = self != null && self.dead()
                    ? "DEAD"
                    : me.workerPaused() ? "PAUSED" : !me.workerUptodate() ? "NON-UP-TO-DATE" : "OK";
            StringBuilder out = new StringBuilder();
            out.append("Node: ")
                    .append(me.nodeName())
                    .append("  Type: ")
                    .append(me.nodeType().sqlName())
                    .append("  Queue: ")
                    .append(queue)
                    .append('\n');
            out.append("Status: ").append(status).append('\n');
            if (!me.isRoot()) {
                out.append("Provider: ").append(me.providerNode()).append('\n');
            }
            out.append("Local: ").append(ConnectString.mask(localConnstr)).append('\n');
            if (self != null) {
                out.append("Public: ")
                        .append(ConnectString.mask(self.location()))
                        .append('\n');
            }
            if (!me.isRoot() && me.providerLocation() != null) {
                out.append("Provider location: ")
                        .append(ConnectString.mask(me.providerLocation()))
                        .append('\n');
            }
            if (me.combinedQueue() != null) {
                out.append("Combined queue: ")
                        .append(me.combinedQueue())
                        .append(" (")
                        .append(
                                me.combinedType() == null
                                        ? "?"
                                        : me.combinedType().sqlName())
                        .append(")\n");
            }
            return out.toString();
        }
    }

    /**
     * {@code pause}: pauses {@code consumer} (null: the node's worker) and, with a non-zero
     * {@code ackTimeout}, waits until the worker acknowledges; returns what was done.
     */
    public String pause(String consumer, Duration ackTimeout) throws SQLException {
        return setPaused(consumer, true, ackTimeout);
    }

    /** {@code resume}: the reverse of {@link #pause}. */
    public String resume(String consumer, Duration ackTimeout) throws SQLException {
        return setPaused(consumer, false, ackTimeout);
    }

    private String setPaused(String consumer, boolean paused, Duration ackTimeout) throws SQLException {
        String word = paused ? "paused" : "resumed";
        String name;
        try (Connection db = local()) {
            NodeInfo me = requireNode(db);
            name = consumer == null ? me.workerName() : consumer;
            RetCode r = new PgqNodeClient(db).setConsumerPaused(queue, name, paused);
            if (r.code() == 404) {
                throw SkyToolsException.state("consumer \"" + name + "\" is not registered on node \"" + me.nodeName()
                        + "\" of queue \"" + queue + "\"");
            }
            NodeCreator.check(r, "set_consumer_paused");
            if (r.code() == 201) {
                return "consumer \"" + name + "\" is already " + word;
            }
            log.info("consumer \"{}\" tagged as {}", name, word);
        }
        if (!ackTimeout.isZero()) {
            awaitUptodate(name, ackTimeout, word);
        }
        return "consumer \"" + name + "\" " + word;
    }

    private void awaitUptodate(String consumer, Duration timeout, String word) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection db = local()) {
            PgqNodeClient node = new PgqNodeClient(db);
            while (true) {
                Optional<CascadedConsumerInfo> c = node.getConsumerInfo(queue).stream()
                        .filter(i -> i.consumerName().equals(consumer))
                        .findFirst();
                if (c.isEmpty() || c.get().uptodate()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw SkyToolsException.state("consumer \"" + consumer + "\" did not acknowledge being " + word
                            + " within " + timeout.toSeconds() + " s; check that its worker is running");
                }
                sleep();
            }
        }
    }

    /**
     * {@code change-provider}: moves {@code consumer} (null: the node's worker) to the node named
     * {@code newProvider} (a member name, or a connect string of a member), at its completed tick
     * (behaviour C-16). Waits up to {@code ackTimeout} for the worker's acknowledgements; zero
     * does not wait.
     */
    public String changeProvider(String newProvider, String consumer, Duration ackTimeout) throws SQLException {
        return new ProviderChange(this, connector, queue).run(newProvider, consumer, ackTimeout);
    }

    /** {@code wait-root}: waits until the local worker has completed the root's latest tick; returns it. */
    public long waitRoot(Duration timeout) throws SQLException {
        return waitFor(true, timeout);
    }

    /** {@code wait-provider}: waits until the local worker has completed the provider's latest tick. */
    public long waitProvider(Duration timeout) throws SQLException {
        return waitFor(false, timeout);
    }

    private long waitFor(boolean root, Duration timeout) throws SQLException {
        NodeInfo me = nodeInfo();
        if (me.isRoot()) {
            return me.workerLastTick();
        }
        long target;
        String targetName;
        NodeInfo cur = me;
        while (true) {
            try (Connection up = open(connector, cur.providerLocation(), "node \"" + cur.providerNode() + "\"")) {
                NodeInfo upper = new PgqNodeClient(up)
                        .getNodeInfo(queue)
                        .orElseThrow(() -> SkyToolsException.state("provider has no queue \"" + queue + "\""));
                if (!root || upper.isRoot()) {
                    target = new PgqClient(up).getQueueInfo(queue).orElseThrow().lastTickId();
                    targetName = upper.nodeName();
                    break;
                }
                cur = upper;
            }
        }
        log.info("waiting until node \"{}\" has tick {} of node \"{}\"", me.nodeName(), target, targetName);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Long done = nodeInfo().workerLastTick();
            if (done != null && done >= target) {
                return done;
            }
            if (System.nanoTime() > deadline) {
                throw SkyToolsException.state("node \"" + me.nodeName() + "\" did not reach tick " + target + " of \""
                        + targetName + "\" within " + timeout.toSeconds() + " s (at " + done + ")");
            }
            sleep();
        }
    }

    /**
     * {@code drop-node}: refused while the node has subscribers; unregisters it on the root (the
     * change is announced to every node), drops it on the node itself and removes it from every
     * other live member (failures there are only logged) (behaviour C-25).
     */
    public String dropNode(String nodeName) throws SQLException {
        return new NodeRemoval(this, connector, queue).drop(nodeName);
    }

    /**
     * {@code show-consumers [NODE]}: the consumers of the queue on this node, or on the named
     * member, with their lag, position and, for the cascade's own, provider and state.
     */
    public String showConsumers(String nodeName) throws SQLException {
        if (nodeName == null) {
            try (Connection db = local()) {
                NodeInfo me = requireNode(db);
                return ConsumerListing.of(db, queue, me.nodeName());
            }
        }
        NodeLocation m = member(nodeName);
        try (Connection c = open(connector, m.location(), "node \"" + nodeName + "\"")) {
            return ConsumerListing.of(c, queue, nodeName);
        }
    }

    /** {@code tag-alive}: clears a node's dead mark on it, here and on every live member. */
    public String tagAlive(String nodeName) throws SQLException {
        return new NodeRemoval(this, connector, queue).tagAlive(nodeName);
    }

    /** {@code rename-node OLD NEW}: renames a member on every live member; run again to finish a cut-short run. */
    public String renameNode(String oldName, String newName) throws SQLException {
        return renameNode(oldName, newName, NodeRenameHook.NONE);
    }

    /** As {@link #renameNode(String, String)}, with the tool's own references to the node renamed by {@code hook}. */
    public String renameNode(String oldName, String newName, NodeRenameHook hook) throws SQLException {
        return new NodeRename(this, connector, queue, hook).run(oldName, newName);
    }

    /** {@code tag-dead}: marks the node dead here and on every live member (behaviour C-24). */
    public String tagDead(String nodeName) throws SQLException {
        return new NodeRemoval(this, connector, queue).tagDead(nodeName);
    }

    /**
     * {@code takeover OLD_NODE}: the local node takes the old node's place (behaviour C-18 to C-21):
     * a switchover when the old node is alive, a failover with {@code deadRoot} or {@code
     * deadBranch}; {@code all} moves the old node's other subscribers here first. Waits up to
     * {@code timeout} for each worker's acknowledgement and catch-up.
     *
     * @param deadNodes nodes treated as dead for this command ({@code --dead})
     */
    public String takeover(
            String oldNode, boolean all, boolean deadRoot, boolean deadBranch, Set<String> deadNodes, Duration timeout)
            throws SQLException {
        return new Takeover(this, connector, queue, pollInterval, timeout, union(deadNodes))
                .run(oldNode, all, deadRoot, deadBranch);
    }

    /**
     * {@code resurrect}: the local node, an old root that was failed over, becomes a paused branch
     * at the failover tick; the events it took after that tick go to {@code dumpFile} (JSON) and
     * out of its queue (behaviour C-23). Refused when {@code dumpFile} exists.
     */
    public String resurrect(java.nio.file.Path dumpFile, Set<String> deadNodes) throws SQLException {
        return new Resurrect(this, connector, queue, union(deadNodes)).run(dumpFile);
    }

    /** {@code pgq_node.register_location} on the local node (on the root it is announced to all). */
    public RetCode registerLocation(String nodeName, String location, boolean dead) throws SQLException {
        try (Connection db = local()) {
            return new PgqNodeClient(db).registerLocation(queue, nodeName, location, dead);
        }
    }

    /** {@code pgq_node.unregister_location} on the local node; refusals come back as codes. */
    public RetCode unregisterLocation(String nodeName) throws SQLException {
        try (Connection db = local()) {
            return new PgqNodeClient(db).unregisterLocation(queue, nodeName);
        }
    }

    NodeInfo requireNode(Connection db) throws SQLException {
        PgqNodeClient node = new PgqNodeClient(db);
        if (!node.schemaInstalled()) {
            throw new SkyToolsException(
                    ErrorKind.SCHEMA_MISSING,
                    "schema \"pgq_node\" is not installed in the local"
                            + " database; create the node first with create-root, create-branch or create-leaf");
        }
        return node.getNodeInfo(queue)
                .orElseThrow(() -> SkyToolsException.state("queue \"" + queue + "\" has no cascade node in the local"
                        + " database; create it first with create-root, create-branch or create-leaf"));
    }

    Connection local() throws SQLException {
        return open(connector, localConnstr, "the local database");
    }

    /** Opens {@code connstr}, naming {@code what} when it cannot be reached. */
    static Connection open(NodeConnector connector, String connstr, String what) throws SQLException {
        try {
            return connector.connect(connstr);
        } catch (SkyToolsException e) {
            throw new SkyToolsException(e.kind(), "cannot reach " + what + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new SkyToolsException(
                    ErrorKind.DB_CONNECT,
                    "cannot reach " + what + " (" + ConnectString.mask(connstr) + "): " + e.getMessage(),
                    e);
        }
    }

    /** Waits one poll interval between looks at a worker's progress. */
    void sleep() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SkyToolsException(ErrorKind.RUNTIME, "interrupted while waiting", e);
        }
    }
}
