package org.skytools.pgq.cascade;

import java.sql.Connection;
import java.sql.SQLException;
import org.skytools.pgq.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cascade's own events, applied in the worker's local transaction: member changes
 * ({@code pgq.location-info}, {@code pgq.unregister-location}), the global watermark on branches
 * ({@code pgq.global-watermark}, C-11) and partition positions ({@code pgq.tick-id}).
 */
final class CascadeEvents {
    private static final Logger log = LoggerFactory.getLogger(CascadeEvents.class);

    private final PgqNodeClient node;
    private final String queue;
    private final WorkerState state;
    private final SyncWatermark sync;

    CascadeEvents(Connection dst, String queue, WorkerState state, SyncWatermark sync) {
        this.node = new PgqNodeClient(dst);
        this.queue = queue;
        this.state = state;
        this.sync = sync;
    }

    void handle(Event ev) throws SQLException {
        switch (ev.type()) {
            case "pgq.location-info" -> {
                if (forThisQueue(ev)) {
                    RetCode r = node.registerLocation(queue, ev.data(), ev.extra2(), "true".equals(ev.extra3()));
                    log.debug("location of \"{}\": {}", ev.data(), r.note());
                }
            }
            case "pgq.unregister-location" -> {
                if (forThisQueue(ev)) {
                    RetCode r = node.unregisterLocation(queue, ev.data());
                    log.debug("unregister location of \"{}\": {}", ev.data(), r.note());
                }
            }
            case "pgq.global-watermark" -> {
                long wm = Long.parseLong(ev.data().strip());
                if (sync.active()) {
                    sync.upstream(wm);
                } else if (state.nodeType() == NodeType.BRANCH) {
                    RetCode r = node.setGlobalWatermark(queue, wm);
                    log.debug("global watermark: {}", r.note());
                }
            }
            case "pgq.tick-id" -> {
                if (state.nodeType() == NodeType.BRANCH) {
                    node.setPartitionWatermark(
                            queue, ev.extra1(), Long.parseLong(ev.data().strip()));
                }
            }
            default -> log.warn("unknown cascade event type \"{}\" (event {}) ignored", ev.type(), ev.id());
        }
    }

    private boolean forThisQueue(Event ev) {
        return ev.extra1() == null || ev.extra1().equals(queue);
    }
}
