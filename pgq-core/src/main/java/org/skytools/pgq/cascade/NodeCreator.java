package org.skytools.pgq.cascade;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.skytools.common.db.Quoting;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.sql.SchemaInstaller;
import org.skytools.sql.SqlSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the local node of a cascade: the root directly; a branch or leaf by finding the root
 * through the provider, registering its location on the root (which announces it to every node)
 * and on the provider, subscribing to the provider at the global watermark, copying the member
 * list and creating the node at that watermark (behaviour C-6, C-7).
 */
final class NodeCreator {
    private static final Logger log = LoggerFactory.getLogger(NodeCreator.class);
    private static final int MAX_DEPTH = 100;

    private final NodeConnector connector;
    private final String queue;
    private final SubscriberInit init;

    NodeCreator(NodeConnector connector, String queue, SubscriberInit init) {
        this.connector = connector;
        this.queue = queue;
        this.init = init;
    }

    String create(Connection db, NodeType type, NodeSetup setup) throws SQLException {
        ensureSchema(db);
        db.setAutoCommit(false);
        PgqNodeClient local = new PgqNodeClient(db);
        Optional<NodeInfo> existing = local.getNodeInfo(queue);
        db.commit();
        if (existing.isPresent()) {
            NodeInfo n = existing.get();
            String msg = "node \"" + n.nodeName() + "\" is already initialized as "
                    + n.nodeType().sqlName() + " for queue \"" + queue + "\"";
            log.info(msg);
            return msg;
        }
        validate(type, setup);
        if (setup.checkLocation()) {
            LocationCheck.verify(db, connector, setup.publicConnstr());
        }
        String msg = type == NodeType.ROOT ? createRoot(db, local, setup) : createSubscriber(db, local, type, setup);
        log.info(msg);
        return msg;
    }

    private void validate(NodeType type, NodeSetup s) {
        String cmd = "create-" + type.sqlName();
        if (blank(s.nodeName())) {
            throw SkyToolsException.usage(cmd + " needs a node name");
        }
        if (blank(s.publicConnstr())) {
            throw SkyToolsException.usage(cmd + " needs the public connect string of node \"" + s.nodeName() + "\"");
        }
        if (type != NodeType.ROOT && blank(s.providerConnstr())) {
            throw SkyToolsException.usage(cmd + " needs the provider's connect string; give --provider=CONNSTR");
        }
        if (type == NodeType.ROOT && !blank(s.providerConnstr())) {
            throw SkyToolsException.usage("create-root takes no provider");
        }
        if (s.combinedQueue() != null && type != NodeType.LEAF) {
            throw SkyToolsException.usage("--merge is only for leaf nodes");
        }
        if (s.syncWatermark() != null && type != NodeType.BRANCH) {
            throw SkyToolsException.usage("--sync-watermark is only for branch nodes");
        }
    }

    private String createRoot(Connection db, PgqNodeClient local, NodeSetup s) throws SQLException {
        try {
            check(local.registerLocation(queue, s.nodeName(), s.publicConnstr(), false), "register_location");
            check(
                    local.createNode(queue, NodeType.ROOT, s.nodeName(), s.workerName(), null, null, null),
                    "create_node");
            db.commit();
        } catch (RuntimeException | SQLException e) {
            db.rollback();
            throw e;
        }
        return "node \"" + s.nodeName() + "\" initialized as root of queue \"" + queue + "\"";
    }

    private String createSubscriber(Connection db, PgqNodeClient local, NodeType type, NodeSetup s)
            throws SQLException {
        try (Connection prov = CascadeAdmin.open(connector, s.providerConnstr(), "provider")) {
            prov.setAutoCommit(false);
            PgqNodeClient provider = new PgqNodeClient(prov);
            NodeInfo provInfo = nodeOf(provider, "the provider");
            if (provInfo.nodeType() == NodeType.LEAF) {
                throw SkyToolsException.state("provider node \"" + provInfo.nodeName()
                        + "\" is a leaf and cannot have subscribers; use a root or branch node as provider");
            }
            Map<String, NodeLocation> members = byName(provider.getQueueLocations(queue));
            prov.commit();
            if (members.containsKey(s.nodeName())) {
                throw SkyToolsException.state("node \"" + s.nodeName() + "\" already exists in the cascade of queue \""
                        + queue + "\"; drop it first with drop-node or choose another name");
            }
            if (s.combinedQueue() != null
                    && new PgqNodeClient(db).getNodeInfo(s.combinedQueue()).isEmpty()) {
                throw SkyToolsException.state("combined queue \"" + s.combinedQueue()
                        + "\" has no node in this database; create it before the merge leaf");
            }
            registerOnRoot(prov, provInfo, s);
            if (!provInfo.isRoot()) {
                check(provider.registerLocation(queue, s.nodeName(), s.publicConnstr(), false), "register_location");
            }
            PgqNodeClient.Subscription sub = provider.registerSubscriber(queue, s.nodeName(), s.workerName(), null);
            check(sub.ret(), "register_subscriber");
            members = byName(provider.getQueueLocations(queue));
            prov.commit();

            try {
                for (NodeLocation m : members.values()) {
                    local.registerLocation(queue, m.nodeName(), m.location(), m.dead());
                }
                local.registerLocation(queue, s.nodeName(), s.publicConnstr(), false);
                check(
                        local.createNode(
                                queue,
                                type,
                                s.nodeName(),
                                s.workerName(),
                                provInfo.nodeName(),
                                sub.globalWatermark(),
                                s.combinedQueue()),
                        "create_node");
                if (s.syncWatermark() != null) {
                    check(
                            local.setNodeAttrs(queue, Quoting.urlEncode(Map.of("sync_watermark", s.syncWatermark()))),
                            "set_node_attrs");
                }
                init.init(db, prov);
                db.commit();
            } catch (RuntimeException | SQLException e) {
                db.rollback();
                // leave the provider as it was, so that the command can simply be run again
                provider.unregisterSubscriber(queue, s.nodeName());
                prov.commit();
                throw e;
            }
            return "node \"" + s.nodeName() + "\" initialized as " + type.sqlName() + " of queue \"" + queue
                    + "\" with provider \"" + provInfo.nodeName() + "\" at tick " + sub.globalWatermark();
        }
    }

    /** Follows the providers up to the root and registers the new location there. */
    private void registerOnRoot(Connection prov, NodeInfo provInfo, NodeSetup s) throws SQLException {
        if (provInfo.isRoot()) {
            check(
                    new PgqNodeClient(prov).registerLocation(queue, s.nodeName(), s.publicConnstr(), false),
                    "register_location");
            prov.commit();
            return;
        }
        Set<String> seen = new HashSet<>();
        seen.add(provInfo.nodeName());
        NodeInfo cur = provInfo;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            if (cur.providerLocation() == null) {
                throw SkyToolsException.state("node \"" + cur.nodeName() + "\" has no provider location");
            }
            try (Connection up =
                    CascadeAdmin.open(connector, cur.providerLocation(), "node \"" + cur.providerNode() + "\"")) {
                up.setAutoCommit(false);
                PgqNodeClient upper = new PgqNodeClient(up);
                NodeInfo next = nodeOf(upper, "node \"" + cur.providerNode() + "\"");
                if (next.isRoot()) {
                    check(upper.registerLocation(queue, s.nodeName(), s.publicConnstr(), false), "register_location");
                    up.commit();
                    return;
                }
                if (!seen.add(next.nodeName())) {
                    throw SkyToolsException.state(
                            "provider loop at node \"" + next.nodeName() + "\" while looking for the root");
                }
                up.commit();
                cur = next;
            }
        }
        throw SkyToolsException.state("no root found within " + MAX_DEPTH + " providers");
    }

    private NodeInfo nodeOf(PgqNodeClient c, String what) throws SQLException {
        if (!c.schemaInstalled()) {
            throw new SkyToolsException(ErrorKind.SCHEMA_MISSING, "schema \"pgq_node\" is not installed on " + what);
        }
        return c.getNodeInfo(queue)
                .orElseThrow(() -> SkyToolsException.state(
                        "queue \"" + queue + "\" has no cascade node on " + what + "; create that node first"));
    }

    private static void ensureSchema(Connection db) throws SQLException {
        if (!new PgqNodeClient(db).schemaInstalled()) {
            log.info("installing schemas pgq and pgq_node");
            boolean auto = db.getAutoCommit();
            db.setAutoCommit(true);
            new SchemaInstaller().applyWithRequirements(db, SqlSchema.PGQ_NODE);
            db.setAutoCommit(auto);
        }
    }

    static void check(RetCode r, String function) {
        if (!r.ok()) {
            throw SkyToolsException.state("pgq_node." + function + " failed: " + r.code() + " " + r.note());
        }
    }

    static Map<String, NodeLocation> byName(List<NodeLocation> list) {
        Map<String, NodeLocation> m = new LinkedHashMap<>();
        for (NodeLocation l : list) {
            m.put(l.nodeName(), l);
        }
        return m;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
