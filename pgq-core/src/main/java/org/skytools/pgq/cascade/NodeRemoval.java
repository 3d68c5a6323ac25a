package org.skytools.pgq.cascade;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code drop-node} (behaviour C-25), {@code tag-dead} (C-24) and its reverse {@code tag-alive}
 * across the members of a cascade.
 */
final class NodeRemoval {
    private static final Logger log = LoggerFactory.getLogger(NodeRemoval.class);

    private final CascadeAdmin admin;
    private final NodeConnector connector;
    private final String queue;

    NodeRemoval(CascadeAdmin admin, NodeConnector connector, String queue) {
        this.admin = admin;
        this.connector = connector;
        this.queue = queue;
    }

    /**
     * {@code drop-node}: refused while the node has subscribers; unregisters it on the root (the
     * change is announced to every node), drops it on the node itself and removes it from every
     * other live member (failures there are only logged) (behaviour C-25).
     */
    String drop(String nodeName) throws SQLException {
        Map<String, NodeLocation> members;
        NodeInfo me;
        try (Connection db = admin.local()) {
            me = admin.requireNode(db);
            members = NodeCreator.byName(admin.locations(db));
        }
        NodeLocation target = members.get(nodeName);
        if (target == null) {
            throw SkyToolsException.state(
                    "node \"" + nodeName + "\" is not a member of the cascade of queue \"" + queue + "\"");
        }
        NodeInfo targetInfo = null;
        if (!target.dead()) {
            try (Connection t = CascadeAdmin.open(connector, target.location(), "node \"" + nodeName + "\"")) {
                PgqNodeClient node = new PgqNodeClient(t);
                List<String> subs = node.getSubscriberInfo(queue).stream()
                        .map(SubscriberInfo::nodeName)
                        .toList();
                if (!subs.isEmpty()) {
                    throw SkyToolsException.state("node \"" + nodeName + "\" has subscribers ("
                            + String.join(", ", subs) + "); move them to another provider first with change-provider");
                }
                targetInfo = node.getNodeInfo(queue).orElse(null);
            }
        }
        if (targetInfo == null || !targetInfo.isRoot()) {
            findRoot(me, members).ifPresent(root -> {
                try (Connection r = CascadeAdmin.open(connector, root.location(), "root \"" + root.nodeName() + "\"")) {
                    RetCode rc = new PgqNodeClient(r).unregisterLocation(queue, nodeName);
                    log.info("unregistered \"{}\" on root \"{}\": {}", nodeName, root.nodeName(), rc.note());
                } catch (SQLException e) {
                    throw new SkyToolsException(
                            ErrorKind.RUNTIME,
                            "cannot unregister node \"" + nodeName + "\" on the root: " + e.getMessage(),
                            e);
                }
            });
        }
        if (!target.dead()) {
            try (Connection t = CascadeAdmin.open(connector, target.location(), "node \"" + nodeName + "\"")) {
                NodeCreator.check(new PgqNodeClient(t).dropNode(queue, nodeName), "drop_node");
            }
        }
        for (NodeLocation m : members.values()) {
            if (m.dead() || m.nodeName().equals(nodeName)) {
                continue;
            }
            try (Connection c = CascadeAdmin.open(connector, m.location(), "node \"" + m.nodeName() + "\"")) {
                RetCode rc = new PgqNodeClient(c).dropNode(queue, nodeName);
                if (!rc.ok()) {
                    log.warn("drop of \"{}\" on node \"{}\": {}", nodeName, m.nodeName(), rc.note());
                }
            } catch (RuntimeException | SQLException e) {
                log.warn("cannot remove node \"{}\" from node \"{}\": {}", nodeName, m.nodeName(), e.getMessage());
            }
        }
        return "node \"" + nodeName + "\" dropped";
    }

    /** {@code tag-dead}: marks the node dead here and on every live member (behaviour C-24). */
    String tagDead(String nodeName) throws SQLException {
        List<NodeLocation> members = admin.members();
        for (NodeLocation m : members) {
            if (m.dead() || m.nodeName().equals(nodeName)) {
                continue;
            }
            try (Connection c = CascadeAdmin.open(connector, m.location(), "node \"" + m.nodeName() + "\"")) {
                new PgqNodeClient(c).registerLocation(queue, nodeName, null, true);
            } catch (RuntimeException | SQLException e) {
                log.warn("cannot tag \"{}\" dead on node \"{}\": {}", nodeName, m.nodeName(), e.getMessage());
            }
        }
        try (Connection db = admin.local()) {
            new PgqNodeClient(db).registerLocation(queue, nodeName, null, true);
        }
        return "node \"" + nodeName + "\" tagged dead";
    }

    /**
     * {@code tag-alive}: clears the dead mark of a node that is back, on the node itself, on every
     * live member and here. Refused when the node cannot be reached or no longer holds the queue.
     */
    String tagAlive(String nodeName) throws SQLException {
        List<NodeLocation> members = admin.members();
        NodeLocation target = admin.member(members, nodeName);
        try (Connection t = CascadeAdmin.open(connector, target.location(), "node \"" + nodeName + "\"")) {
            if (new PgqNodeClient(t).getNodeInfo(queue).isEmpty()) {
                throw SkyToolsException.state("node \"" + nodeName + "\" holds no node of queue \"" + queue
                        + "\" any more; create it again or drop it with drop-node");
            }
        }
        for (NodeLocation m : members) {
            if (m.dead() && !m.nodeName().equals(nodeName)) {
                continue;
            }
            try (Connection c = CascadeAdmin.open(connector, m.location(), "node \"" + m.nodeName() + "\"")) {
                new PgqNodeClient(c).registerLocation(queue, nodeName, null, false);
            } catch (RuntimeException | SQLException e) {
                log.warn("cannot tag \"{}\" alive on node \"{}\": {}", nodeName, m.nodeName(), e.getMessage());
            }
        }
        try (Connection db = admin.local()) {
            new PgqNodeClient(db).registerLocation(queue, nodeName, null, false);
        }
        return "node \"" + nodeName + "\" tagged alive";
    }

    private Optional<NodeLocation> findRoot(NodeInfo me, Map<String, NodeLocation> members) throws SQLException {
        if (me.isRoot()) {
            return Optional.ofNullable(members.get(me.nodeName()));
        }
        for (NodeLocation m : members.values()) {
            if (m.dead()) {
                continue;
            }
            try (Connection c = CascadeAdmin.open(connector, m.location(), "node \"" + m.nodeName() + "\"")) {
                Optional<NodeInfo> i = new PgqNodeClient(c).getNodeInfo(queue);
                if (i.isPresent() && i.get().isRoot()) {
                    return Optional.of(m);
                }
            } catch (RuntimeException e) {
                log.warn("cannot reach node \"{}\": {}", m.nodeName(), e.getMessage());
            }
        }
        return Optional.empty();
    }
}
