package org.skytools.pgq.cascade;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.skytools.common.db.ConnectString;
import org.skytools.common.error.SkyToolsException;
import org.skytools.pgq.PgqClient;
import org.skytools.pgq.internal.SqlCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code change-provider} (behaviour C-16): pause the consumer, subscribe it on the new provider
 * at its completed tick (refused when the new provider does not have that tick), switch the
 * provider locally, resume, and unregister from the old provider (failures there only logged).
 */
final class ProviderChange {
    private static final Logger log = LoggerFactory.getLogger(ProviderChange.class);

    private final CascadeAdmin admin;
    private final NodeConnector connector;
    private final String queue;

    ProviderChange(CascadeAdmin admin, NodeConnector connector, String queue) {
        this.admin = admin;
        this.connector = connector;
        this.queue = queue;
    }

    /**
     * Moves {@code consumer} (null: the node's worker) to the node named
     * {@code newProvider} (a member name, or a connect string of a member), at its completed tick
     * (behaviour C-16). Waits up to {@code ackTimeout} for the worker's acknowledgements; zero
     * does not wait.
     */
    String run(String newProvider, String consumer, Duration ackTimeout) throws SQLException {
        NodeInfo me;
        CascadedConsumerInfo state;
        Map<String, NodeLocation> members;
        try (Connection db = admin.local()) {
            me = admin.requireNode(db);
            PgqNodeClient node = new PgqNodeClient(db);
            String name = consumer == null ? me.workerName() : consumer;
            state = node.getConsumerInfo(queue).stream()
                    .filter(c -> c.consumerName().equals(name))
                    .findFirst()
                    .orElseThrow(() -> SkyToolsException.state(
                            "consumer \"" + name + "\" is not registered on node \"" + me.nodeName() + "\""));
            members = NodeCreator.byName(admin.locations(db));
        }
        if (me.isRoot() && state.consumerName().equals(me.workerName())) {
            throw SkyToolsException.state("node \"" + me.nodeName() + "\" is the root and has no provider");
        }
        String target = resolveMember(newProvider, members);
        if (target.equals(me.nodeName())) {
            throw SkyToolsException.usage("node \"" + me.nodeName() + "\" cannot subscribe to itself");
        }
        if (members.get(target).dead()) {
            throw SkyToolsException.state(
                    "node \"" + target + "\" is dead (tagged dead or given with --dead);" + " choose a live provider");
        }
        String old = state.providerNode();
        if (target.equals(old)) {
            return "consumer \"" + state.consumerName() + "\" already reads from \"" + target + "\"";
        }
        boolean isWorker = state.consumerName().equals(me.workerName());
        admin.pause(state.consumerName(), ackTimeout);
        // the position is read only once the worker acknowledged the pause: until then it may
        // still complete ticks, and subscribing at an older tick would replay them twice
        long tick = completedTick(state.consumerName());
        try (Connection np = CascadeAdmin.open(connector, members.get(target).location(), "node \"" + target + "\"")) {
            np.setAutoCommit(false);
            PgqNodeClient prov = new PgqNodeClient(np);
            NodeInfo pInfo = prov.getNodeInfo(queue)
                    .orElseThrow(
                            () -> SkyToolsException.state("node \"" + target + "\" has no queue \"" + queue + "\""));
            if (pInfo.nodeType() == NodeType.LEAF) {
                throw SkyToolsException.state("node \"" + target + "\" is a leaf and cannot be a provider");
            }
            if (!hasTick(np, tick)) {
                throw SkyToolsException.state("node \"" + target + "\" does not have tick " + tick + " of consumer \""
                        + state.consumerName() + "\"; wait until it catches up and retry");
            }
            if (isWorker) {
                NodeLocation self = members.get(me.nodeName());
                prov.registerLocation(queue, me.nodeName(), self == null ? null : self.location(), null);
                boolean subscribed = prov.getSubscriberInfo(queue).stream()
                        .anyMatch(s -> s.nodeName().equals(me.nodeName()));
                if (subscribed) {
                    prov.unregisterSubscriber(queue, me.nodeName());
                }
                NodeCreator.check(
                        prov.registerSubscriber(queue, me.nodeName(), state.consumerName(), tick)
                                .ret(),
                        "register_subscriber");
            } else {
                new PgqClient(np).registerConsumerAt(queue, state.consumerName(), tick);
            }
            np.commit();
        } catch (RuntimeException | SQLException e) {
            admin.resume(state.consumerName(), Duration.ZERO);
            throw e;
        }
        try (Connection db = admin.local()) {
            NodeCreator.check(
                    new PgqNodeClient(db).changeConsumerProvider(queue, state.consumerName(), target),
                    "change_consumer_provider");
        }
        admin.resume(state.consumerName(), ackTimeout);
        NodeLocation oldLoc = members.get(old);
        if (oldLoc != null && !oldLoc.dead()) {
            try (Connection op = CascadeAdmin.open(connector, oldLoc.location(), "node \"" + old + "\"")) {
                if (isWorker) {
                    new PgqNodeClient(op).unregisterSubscriber(queue, me.nodeName());
                } else {
                    new PgqClient(op).unregisterConsumer(queue, state.consumerName());
                }
            } catch (RuntimeException | SQLException e) {
                log.warn("could not unregister from the old provider \"{}\": {}", old, e.getMessage());
            }
        }
        String msg = "consumer \"" + state.consumerName() + "\" moved from \"" + old + "\" to \"" + target
                + "\" at tick " + tick;
        log.info(msg);
        return msg;
    }

    private String resolveMember(String nameOrConnstr, Map<String, NodeLocation> members) throws SQLException {
        if (nameOrConnstr == null || nameOrConnstr.isBlank()) {
            throw SkyToolsException.usage("change-provider needs the new provider; give --provider=NODE");
        }
        if (members.containsKey(nameOrConnstr)) {
            return nameOrConnstr;
        }
        for (NodeLocation m : members.values()) {
            if (m.location().equals(nameOrConnstr)) {
                return m.nodeName();
            }
        }
        if (nameOrConnstr.contains("=") || nameOrConnstr.contains("://")) {
            try (Connection c = CascadeAdmin.open(connector, nameOrConnstr, "the new provider")) {
                Optional<NodeInfo> i = new PgqNodeClient(c).getNodeInfo(queue);
                if (i.isPresent() && members.containsKey(i.get().nodeName())) {
                    return i.get().nodeName();
                }
            }
        }
        throw SkyToolsException.state("node \"" + ConnectString.mask(nameOrConnstr)
                + "\" is not a member of the cascade of queue \"" + queue + "\"");
    }

    private long completedTick(String consumer) throws SQLException {
        try (Connection db = admin.local()) {
            return new PgqNodeClient(db)
                    .getConsumerInfo(queue).stream()
                            .filter(c -> c.consumerName().equals(consumer))
                            .findFirst()
                            .orElseThrow(() -> SkyToolsException.state("consumer \"" + consumer + "\" vanished"))
                            .lastTickId();
        }
    }

    private boolean hasTick(Connection c, long tick) throws SQLException {
        Boolean b = SqlCalls.value(
                c,
                "select exists (select 1 from pgq.tick t join pgq.queue q on q.queue_id = t.tick_queue"
                        + " where q.queue_name = ? and t.tick_id = ?)",
                Boolean.class,
                queue,
                tick);
        return Boolean.TRUE.equals(b);
    }
}
