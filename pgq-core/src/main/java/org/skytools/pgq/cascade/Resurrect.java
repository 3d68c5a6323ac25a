package org.skytools.pgq.cascade;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.skytools.common.db.Quoting;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.pgq.ConsumerInfo;
import org.skytools.pgq.Event;
import org.skytools.pgq.NextBatchInfo;
import org.skytools.pgq.PgqClient;
import org.skytools.pgq.internal.SqlCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code resurrect} (behaviour C-23), run on an old root that was failed over while it was down
 * and now runs again: it finds its gravestone (the {@code <node>.gravestone} subscription a
 * failover left on another node) and the new root, becomes a paused branch under the gravestone's
 * node, drops its old subscribers and consumers, writes the events it took after the failover
 * tick to a JSON file and deletes them with their ticks, and subscribes at the failover tick.
 * Tables are not touched: what those events changed is for the DBA to judge from the file.
 */
final class Resurrect {
    private static final Logger log = LoggerFactory.getLogger(Resurrect.class);

    private final CascadeAdmin local;
    private final NodeConnector connector;
    private final String queue;
    private final Set<String> deadNodes;

    Resurrect(CascadeAdmin local, NodeConnector connector, String queue, Set<String> deadNodes) {
        this.local = local;
        this.connector = connector;
        this.queue = queue;
        this.deadNodes = deadNodes;
    }

    String run(Path dumpFile) throws SQLException {
        NodeInfo me = local.nodeInfo();
        if (me.nodeType() == NodeType.LEAF) {
            return "node \"" + me.nodeName() + "\" is a leaf: nothing to do";
        }
        if (Files.exists(dumpFile)) {
            throw SkyToolsException.state("dump file " + dumpFile.toAbsolutePath()
                    + " exists; move it away (it holds the events of an earlier resurrect) and run again");
        }
        List<String> subscribers = new ArrayList<>();
        Map<String, NodeLocation> members;
        try (Connection db = local.local()) {
            PgqNodeClient node = new PgqNodeClient(db);
            node.getSubscriberInfo(queue).forEach(s -> subscribers.add(s.nodeName()));
            members = NodeCreator.byName(node.getQueueLocations(queue));
        }
        String gravestone = me.nodeName() + ".gravestone";
        String grave = null;
        String newRoot = null;
        long failoverTick = 0;
        Set<String> order = new LinkedHashSet<>(subscribers);
        order.addAll(members.keySet());
        order.remove(me.nodeName());
        for (String n : order) {
            NodeLocation m = members.get(n);
            if (m == null || deadNodes.contains(n)) {
                continue;
            }
            try (Connection c = CascadeAdmin.open(connector, m.location(), "node \"" + n + "\"")) {
                Optional<ConsumerInfo> g = new PgqClient(c).getConsumerInfo(queue, gravestone);
                if (g.isPresent()) {
                    if (grave != null) {
                        throw SkyToolsException.state(
                                "two gravestones of \"" + me.nodeName() + "\", on \"" + grave + "\" and \"" + n + "\"");
                    }
                    grave = n;
                    failoverTick = g.get().lastTick();
                    log.info("found the gravestone on node \"{}\" at tick {}", n, failoverTick);
                }
                if (new PgqNodeClient(c)
                        .getNodeInfo(queue)
                        .map(NodeInfo::isRoot)
                        .orElse(false)) {
                    newRoot = n;
                }
            } catch (SkyToolsException e) {
                if (e.kind() != ErrorKind.DB_CONNECT) {
                    throw e;
                }
                log.warn("cannot check node \"{}\": {}", n, e.getMessage());
            }
            if (grave != null && newRoot != null) {
                break;
            }
        }
        if (newRoot == null) {
            throw SkyToolsException.state("cannot find the new root of queue \"" + queue + "\"");
        }
        if (grave == null) {
            throw SkyToolsException.state(
                    "cannot find the failover position: no node has consumer \"" + gravestone + "\"");
        }
        try (Connection db = local.local()) {
            db.setAutoCommit(false);
            PgqNodeClient node = new PgqNodeClient(db);
            if (me.isRoot()) {
                log.info("node \"{}\" is a root: demoting it under \"{}\"", me.nodeName(), grave);
                for (int step = 1; step <= 3; step++) {
                    NodeCreator.check(node.demoteRoot(queue, step, grave).ret(), "demote_root step " + step);
                    if (step < 3) {
                        db.commit();
                    }
                }
            }
            // paused without waiting: the worker may not run
            node.setConsumerPaused(queue, me.workerName(), true);
            for (String s : subscribers) {
                log.info("dropping old subscriber \"{}\"", s);
                node.unregisterSubscriber(queue, s);
            }
            PgqClient pgq = new PgqClient(db);
            for (ConsumerInfo c : pgq.getConsumerInfo(queue)) {
                if (!c.consumerName().startsWith(".")) {
                    log.info("dropping old consumer \"{}\"", c.consumerName());
                    pgq.unregisterConsumer(queue, c.consumerName());
                }
            }
            db.commit();
        }
        String stats = dropLostEvents(dumpFile, me.nodeName(), failoverTick);
        Long globalWm;
        try (Connection g = CascadeAdmin.open(connector, members.get(grave).location(), "node \"" + grave + "\"")) {
            // the gravestone becomes the subscription in one transaction: never neither
            g.setAutoCommit(false);
            PgqNodeClient prov = new PgqNodeClient(g);
            prov.unregisterSubscriber(queue, me.nodeName());
            PgqNodeClient.Subscription sub =
                    prov.registerSubscriber(queue, me.nodeName(), me.workerName(), failoverTick);
            NodeCreator.check(sub.ret(), "register_subscriber");
            g.commit();
            globalWm = sub.globalWatermark();
        }
        try (Connection db = local.local()) {
            PgqNodeClient node = new PgqNodeClient(db);
            NodeCreator.check(
                    node.setConsumerCompleted(queue, me.workerName(), failoverTick), "set_consumer_completed");
            node.setGlobalWatermark(queue, globalWm);
        }
        String msg = "node \"" + me.nodeName() + "\" is a paused branch of \"" + grave + "\" from tick " + failoverTick
                + " (new root \"" + newRoot + "\"); " + stats + "; resume it when the lost events are dealt with";
        log.info(msg);
        return msg;
    }

    /** Writes the events after {@code failoverTick} to the dump file and deletes them and their ticks. */
    private String dropLostEvents(Path dumpFile, String nodeName, long failoverTick) throws SQLException {
        String dumper = nodeName + ".dumper";
        long dumped = 0;
        long lastTick = failoverTick;
        try (Connection db = local.local();
                Writer out = Files.newBufferedWriter(
                        dumpFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            PgqClient pgq = new PgqClient(db);
            pgq.registerConsumerAt(queue, dumper, failoverTick);
            db.setAutoCommit(false);
            out.write('[');
            while (true) {
                Optional<NextBatchInfo> b = pgq.nextBatchInfo(queue, dumper);
                if (b.isEmpty()) {
                    break;
                }
                lastTick = b.get().curTickId();
                for (Event ev : pgq.getBatchEvents(b.get().batchId())) {
                    out.write(dumped == 0 ? "\n" : ",\n");
                    out.write(json(ev, b.get()));
                    dumped++;
                }
                pgq.finishBatch(b.get().batchId());
                db.commit();
            }
            out.write("\n]\n");
            db.setAutoCommit(true);
            pgq.unregisterConsumer(queue, dumper);
        } catch (IOException e) {
            throw new SkyToolsException(
                    ErrorKind.RUNTIME, "cannot write " + dumpFile.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        log.info("{} lost events written to {}", dumped, dumpFile.toAbsolutePath());
        if (lastTick == failoverTick) {
            return dumped + " lost events";
        }
        long deleted = 0;
        long ticks;
        try (Connection db = local.local()) {
            db.setAutoCommit(false);
            Map<String, Object> q = SqlCalls.one(
                            db,
                            "select queue_data_pfx, queue_ntables, queue_id from pgq.queue where queue_name = ?",
                            rs -> Map.<String, Object>of("pfx", rs.getString(1), "n", rs.getInt(2), "id", rs.getInt(3)),
                            queue)
                    .orElseThrow(() -> SkyToolsException.state("queue \"" + queue + "\" vanished"));
            // the events the batches from the failover tick to the last tick held, by the same
            // snapshot rules as pgq's batch query
            for (int i = 0; i < (Integer) q.get("n"); i++) {
                String table = Quoting.quoteFqName(q.get("pfx") + "_" + i);
                try (PreparedStatement ps = db.prepareStatement("with s as (select t1.tick_snapshot as s1,"
                        + " t2.tick_snapshot as s2 from pgq.tick t1, pgq.tick t2"
                        + " where t1.tick_queue = ? and t1.tick_id = ? and t2.tick_queue = ? and t2.tick_id = ?)"
                        + " delete from " + table + " e using s"
                        + " where (e.ev_txid in (select x from txid_snapshot_xip(s.s1) x"
                        + "                       where txid_visible_in_snapshot(x, s.s2)))"
                        + " or (e.ev_txid >= txid_snapshot_xmax(s.s1) and e.ev_txid <= txid_snapshot_xmax(s.s2)"
                        + "     and not txid_visible_in_snapshot(e.ev_txid, s.s1)"
                        + "     and txid_visible_in_snapshot(e.ev_txid, s.s2))")) {
                    ps.setInt(1, (Integer) q.get("id"));
                    ps.setLong(2, failoverTick);
                    ps.setInt(3, (Integer) q.get("id"));
                    ps.setLong(4, lastTick);
                    deleted += ps.executeUpdate();
                }
            }
            try (PreparedStatement ps =
                    db.prepareStatement("delete from pgq.tick where tick_queue = ? and tick_id > ? and tick_id <= ?")) {
                ps.setInt(1, (Integer) q.get("id"));
                ps.setLong(2, failoverTick);
                ps.setLong(3, lastTick);
                ticks = ps.executeUpdate();
            }
            db.commit();
        }
        log.info("{} lost events and {} ticks deleted", deleted, ticks);
        return dumped + " lost events written, " + deleted + " deleted with " + ticks + " ticks";
    }

    private static String json(Event ev, NextBatchInfo b) {
        return "{\"ev_id\": " + ev.id()
                + ", \"ev_type\": " + Quoting.quoteJson(ev.type())
                + ", \"ev_data\": " + Quoting.quoteJson(ev.data())
                + ", \"ev_extra1\": " + Quoting.quoteJson(ev.extra1())
                + ", \"ev_extra2\": " + Quoting.quoteJson(ev.extra2())
                + ", \"ev_extra3\": " + Quoting.quoteJson(ev.extra3())
                + ", \"ev_extra4\": " + Quoting.quoteJson(ev.extra4())
                + ", \"ev_time\": "
                + Quoting.quoteJson(ev.time() == null ? null : ev.time().toString())
                + ", \"ev_txid\": " + ev.txid()
                + ", \"ev_retry\": " + (ev.retry() == null ? "null" : ev.retry().toString())
                + ", \"tick_id\": " + b.curTickId()
                + ", \"prev_tick_id\": " + b.prevTickId() + "}";
    }
}
