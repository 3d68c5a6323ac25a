package org.skytools.pgq.cascade;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.skytools.common.db.Quoting;
import org.skytools.pgq.Event;
import org.skytools.pgq.RetryTagger;
import org.skytools.pgq.internal.SqlCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code sync_watermark=n1,n2} node attribute of a branch (behaviour C-13): such a branch
 * reports the start tick of its current batch upward instead of its local watermark, and sets
 * its own global watermark to the lowest of its local watermark, the upstream global watermark
 * and the local watermarks of the listed live nodes; the {@code pgq.global-watermark} events it
 * passes on carry that value. The listed nodes can then take over from each other.
 */
final class SyncWatermark {
    private static final Logger log = LoggerFactory.getLogger(SyncWatermark.class);

    private final NodeConnector connector;
    private List<String> nodes = List.of();
    private Long upstream;

    SyncWatermark(NodeConnector connector) {
        this.connector = connector;
    }

    /** Reads the node attributes of a branch; other node types never sync. */
    void load(Connection dst, String queue, NodeType type) throws SQLException {
        if (type != NodeType.BRANCH) {
            nodes = List.of();
            return;
        }
        nodes = List.copyOf(listed(nodeAttrs(dst, queue)));
    }

    /** The local node's decoded attributes, in their order; empty when it has none. */
    private static Map<String, String> nodeAttrs(Connection db, String queue) throws SQLException {
        String attrs = SqlCalls.value(
                db, "select node_attrs from pgq_node.node_info where queue_name = ?", String.class, queue);
        return attrs == null ? Map.of() : Quoting.urlDecode(attrs);
    }

    /** The node names of the {@code sync_watermark} attribute. */
    private static List<String> listed(Map<String, String> attrs) {
        List<String> list = new ArrayList<>();
        String value = attrs.get("sync_watermark");
        if (value != null) {
            for (String n : value.split(",")) {
                if (!n.isBlank()) {
                    list.add(n.strip());
                }
            }
        }
        return list;
    }

    /**
     * Renames a node in the {@code sync_watermark} attribute of the local node (rename-node): a
     * name left behind would hold the global watermark of this branch for good.
     */
    static void renameNode(Connection db, String queue, String oldName, String newName) throws SQLException {
        Map<String, String> attrs = new LinkedHashMap<>(nodeAttrs(db, queue));
        List<String> names = listed(attrs);
        if (!names.contains(oldName)) {
            return;
        }
        names.replaceAll(n -> n.equals(oldName) ? newName : n);
        attrs.put("sync_watermark", String.join(",", names));
        NodeCreator.check(new PgqNodeClient(db).setNodeAttrs(queue, Quoting.urlEncode(attrs)), "set_node_attrs");
        log.info("sync_watermark now names \"{}\" for \"{}\"", newName, oldName);
    }

    boolean active() {
        return !nodes.isEmpty();
    }

    /** The upstream global watermark, from a {@code pgq.global-watermark} event. */
    void upstream(long tick) {
        upstream = tick;
    }

    /** The event as copied into the branch queue: the payload is this node's global watermark. */
    Event rewrite(Event ev, Long ownGlobalWatermark) {
        if (!active() || ownGlobalWatermark == null || !"pgq.global-watermark".equals(ev.type())) {
            return ev;
        }
        return new Event(
                ev.id(),
                ev.timeText(),
                ev.txid(),
                ev.retry(),
                ev.type(),
                String.valueOf(ownGlobalWatermark),
                ev.extra1(),
                ev.extra2(),
                ev.extra3(),
                ev.extra4(),
                RetryTagger.NONE);
    }

    /** Computes and stores this node's global watermark, in the caller's transaction on {@code dst}. */
    void update(Connection dst, String queue, WorkerState st) throws SQLException {
        if (upstream == null || st.localWatermark() == null) {
            return;
        }
        long wm = Math.min(upstream, st.localWatermark());
        PgqNodeClient local = new PgqNodeClient(dst);
        Map<String, NodeLocation> members = NodeCreator.byName(local.getQueueLocations(queue));
        for (String name : nodes) {
            if (name.equals(st.nodeName())) {
                continue;
            }
            NodeLocation m = members.get(name);
            if (m == null) {
                // the group may be half set up; moving on could lose what the missing node needs
                log.warn("unknown node \"{}\" in sync_watermark; global watermark not moved", name);
                return;
            }
            if (m.dead()) {
                continue;
            }
            try (Connection c = CascadeAdmin.open(connector, m.location(), "node \"" + name + "\"")) {
                Long other = new PgqNodeClient(c)
                        .getNodeInfo(queue)
                        .map(NodeInfo::localWatermark)
                        .orElse(null);
                if (other == null) {
                    log.warn("node \"{}\" of sync_watermark is not working; global watermark not moved", name);
                    return;
                }
                wm = Math.min(wm, other);
            } catch (RuntimeException e) {
                log.warn(
                        "node \"{}\" of sync_watermark unreachable; global watermark not moved: {}",
                        name,
                        e.getMessage());
                return;
            }
        }
        RetCode r = local.setGlobalWatermark(queue, wm);
        log.debug("synced global watermark {}: {}", wm, r.note());
    }
}
