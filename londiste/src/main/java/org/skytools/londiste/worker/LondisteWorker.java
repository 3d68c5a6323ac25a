package org.skytools.londiste.worker;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.skytools.common.db.ServerEncoding;
import org.skytools.londiste.copy.CopyCoordinator;
import org.skytools.londiste.copy.ThreadedCopy;
import org.skytools.londiste.replay.ApplyStats;
import org.skytools.londiste.replay.BatchApplier;
import org.skytools.londiste.replay.EventFilters;
import org.skytools.londiste.replay.HandlerRegistry;
import org.skytools.londiste.replay.ReplayFilter;
import org.skytools.londiste.replay.ReplayOptions;
import org.skytools.londiste.replay.TableMap;
import org.skytools.londiste.table.RegisterFilter;
import org.skytools.pgq.Event;
import org.skytools.pgq.cascade.CascadeSettings;
import org.skytools.pgq.cascade.CascadedWorker;
import org.skytools.pgq.cascade.NodeConnector;
import org.skytools.pgq.cascade.RemoteBatch;
import org.skytools.pgq.consumer.ConnectionSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The londiste worker of one node: a cascaded worker whose apply step replays the provider's row
 * events on the local tables. Per batch, in the batch's local transaction: the copy coordinator
 * moves table states and says which events apply, the batch applier applies them with batched
 * statements; after the commit, copies of newly claimed tables are started. On the root it
 * publishes sequence values.
 */
final class LondisteWorker extends CascadedWorker {
    private static final Logger log = LoggerFactory.getLogger(LondisteWorker.class);

    private final String queue;
    private final CopyCoordinator coordinator;
    private final BatchApplier applier;
    private final Runnable copiesWanted;
    private final ConnectionSource local;
    private final boolean localOnly;
    private final boolean localOnlyDropExecute;
    private Connection replicaRoleSetOn;
    private Connection encodingReadOn;
    private ApplyStats lastStats;

    /**
     * @param copiesWanted called after a batch that claimed tables for copy, to wake the copiers
     */
    LondisteWorker(
            HandlerRegistry handlers,
            ConnectionSource local,
            NodeConnector connector,
            CascadeSettings settings,
            int parallelCopies,
            ThreadedCopy threaded,
            boolean localOnly,
            boolean localOnlyDropExecute,
            RegisterFilter registering,
            Runnable copiesWanted) {
        super(local, connector, settings);
        this.local = local;
        this.localOnly = localOnly;
        this.localOnlyDropExecute = localOnlyDropExecute;
        this.queue = settings.queueName();
        this.coordinator = new CopyCoordinator(queue, settings.workerName(), parallelCopies).threaded(threaded);
        this.applier =
                new BatchApplier(ReplayOptions.forQueue(queue), TableMap.empty(), handlers).registering(registering);
        this.copiesWanted = copiesWanted;
    }

    @Override
    protected void processRemoteBatch(RemoteBatch batch, Connection dst) throws SQLException {
        if (replicaRoleSetOn != dst) {
            BatchApplier.setReplicaRole(dst);
            replicaRoleSetOn = dst;
        }
        if (encodingReadOn != batch.provider()) {
            applier.payloadCharset(ServerEncoding.of(batch.provider()));
            encodingReadOn = batch.provider();
        }
        ReplayFilter filter = coordinator.beforeBatch(dst, batch.provider(), batch.prevTickId(), batch.tickId());
        applier.setTables(TableMap.load(dst, queue));
        lastStats = applier.apply(dst, batch.events(), filter, batch.tickId(), batch.tickTime());
        coordinator.afterBatch(dst, batch.tickId());
        log.debug("batch {} (tick {}): {}", batch.batchId(), batch.tickId(), lastStats);
    }

    /**
     * With {@code local_only}, only the events of local tables, the cascade's own and EXECUTE (unless
     * {@code local_only_drop_execute}) are read (L-32).
     */
    @Override
    protected String eventFilter() {
        if (!localOnly) {
            return null;
        }
        try {
            return EventFilters.localOnly(TableMap.load(local.connection(), queue), localOnlyDropExecute);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the local tables for local_only: " + e.getMessage(), e);
        }
    }

    /** A table's handler may rewrite its row events (obfuscate) before they go into a queue here. */
    @Override
    protected Event passOn(Event ev) {
        return applier.passedOn(ev);
    }

    /** A merge leaf passes on data events only: londiste's own events stay in the partition (as SkyTools). */
    @Override
    protected boolean copyToCombined(Event ev) {
        return super.copyToCombined(ev) && (ev.type() == null || !ev.type().startsWith("londiste."));
    }

    @Override
    protected void batchCommitted(RemoteBatch batch) {
        List<String> claimed = coordinator.claimed();
        if (!claimed.isEmpty()) {
            log.info("tables to copy: {}", String.join(", ", claimed));
            copiesWanted.run();
        }
    }

    @Override
    protected void processRootNode(Connection dst) throws SQLException {
        // publishes the sequences' values to the queue when they come near the published ones (L-38)
        try (PreparedStatement ps = dst.prepareStatement("select * from londiste.root_check_seqs(?)")) {
            ps.setString(1, queue);
            ps.execute();
        }
    }

    /** What the last batch applied, or null before the first. */
    ApplyStats lastStats() {
        return lastStats;
    }
}
