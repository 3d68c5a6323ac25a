package org.skytools.pgq.cascade;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.skytools.common.error.SkyToolsException;
import org.skytools.pgq.Event;
import org.skytools.pgq.NextBatchInfo;
import org.skytools.pgq.PgqClient;
import org.skytools.pgq.consumer.ConnectionSource;
import org.skytools.pgq.internal.BatchReading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker that maintains one node of a cascade, one {@link #workOnce} call per loop round.
 *
 * <p>On the root it publishes the global watermark every {@code global_wm_publish_period} and
 * calls {@link #processRootNode}. On a branch or leaf it takes the next batch of its provider,
 * and in one local transaction copies the events into the local queue (branch), handles the
 * cascade's own events, calls {@link #processRemoteBatch} and records the batch's end tick with
 * {@code pgq_node.set_consumer_completed}; after the commit a branch ticks its queue with the
 * provider's tick id and time, and the batch is finished on the provider. A batch whose end tick
 * is already recorded locally is only finished, so a crash at any point applies nothing twice
 * (behaviour C-2, C-3). Non-root nodes report their watermark to the provider every
 * {@code local_wm_publish_period} (C-10). Pause and resume are acknowledged through the
 * {@code uptodate} flag (C-15); a provider change is noticed at the next round (C-17).
 */
public abstract class CascadedWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CascadedWorker.class);
    /**
     * Events a leaf that is behind takes per batch at least (up to twice as many, see
     * {@code pgq.find_tick_helper}; fewer at the end of the backlog): fewer commits and round trips
     * per event, and more changes per key merged into one statement. The replay applies a batch in
     * bounded chunks, so memory does not grow with it; each batch costs a fixed ~0.1 s of commits
     * and hand-overs on this kind of machine, which 50,000 events make small.
     */
    static final int CATCH_UP_EVENTS = 50_000;

    private static final Duration BEHIND = Duration.ofSeconds(2);
    private static final int ROOT_DELAY_FACTOR = 10;
    private static final String CASCADE_EVENTS_ONLY = "ev_type like 'pgq.%'";

    private final ConnectionSource local;
    private final NodeConnector connector;
    private final CascadeSettings settings;
    private final Clock clock;
    private Connection provider;
    private String providerLocation;
    private Instant lastGlobalWm = Instant.EPOCH;
    private Instant lastLocalWm = Instant.EPOCH;
    private WorkerState state;
    private final SyncWatermark sync;
    private final BatchReading reading = new BatchReading(ProviderEvents.CURSOR);
    // the last batch ended on a tick older than BEHIND: the next one may span several ticks. A
    // worker that just started assumes it is behind (it usually is): a node that is not gets the
    // same batch or none, and the next batch decides again.
    private boolean catchingUp = true;

    /**
     * A worker for the node in the database of {@code local} (a connection source whose
     * connections this worker keeps out of autocommit), reaching providers through {@code connector}.
     */
    protected CascadedWorker(ConnectionSource local, NodeConnector connector, CascadeSettings settings, Clock clock) {
        this.local = local;
        this.connector = connector;
        this.settings = settings;
        this.clock = clock;
        this.sync = new SyncWatermark(connector);
    }

    /** A worker using the system clock. */
    protected CascadedWorker(ConnectionSource local, NodeConnector connector, CascadeSettings settings) {
        this(local, connector, settings, Clock.systemUTC());
    }

    /** The settings the worker runs with. */
    public CascadeSettings settings() {
        return settings;
    }

    /** The node state read at the start of the last round, or null before the first. */
    protected WorkerState state() {
        return state;
    }

    /**
     * Called inside the local transaction for every provider batch, before its tick is recorded
     * as completed; the default calls {@link #processRemoteEvent} for each event. On a branch the
     * transaction runs with {@code session_replication_role = replica}, which the branch queue
     * requires for the copied events.
     */
    protected void processRemoteBatch(RemoteBatch batch, Connection dst) throws SQLException {
        for (Event ev : batch.events()) {
            processRemoteEvent(ev, dst);
        }
    }

    /** One event of a provider batch (never a {@code pgq.*} event); the default does nothing. */
    protected void processRemoteEvent(Event ev, Connection dst) throws SQLException {}

    /** Periodic work on the root, in a local transaction committed afterwards; the default does nothing. */
    protected void processRootNode(Connection dst) throws SQLException {}

    /**
     * An SQL condition on the event columns restricting what is read from the provider, or null
     * for all events. On a branch it also restricts what is copied into the local queue.
     */
    protected String eventFilter() {
        return null;
    }

    /**
     * On a merge leaf: whether the event goes into the combined queue. The default takes every
     * event but the cascade's own ({@code pgq.*}); londiste also keeps its own events out.
     */
    protected boolean copyToCombined(Event ev) {
        return ev.type() == null || !ev.type().startsWith("pgq.");
    }

    /**
     * The event as this node passes it on, into its own queue (branch) or the combined queue (merge
     * leaf), or null to keep it out of them; the batch handler still gets the event as read. The
     * default passes it unchanged.
     */
    protected Event passOn(Event ev) {
        return ev;
    }

    /**
     * How long the loop should sleep after a round that found no work: ten times {@code loop_delay}
     * on a root that is not paused, whose rounds only publish the watermark and run the root's
     * periodic work (C-1); {@code loop_delay} elsewhere.
     */
    public Duration idleDelay(Duration loopDelay) {
        WorkerState st = state;
        if (st != null && !st.paused() && st.nodeType() == NodeType.ROOT) {
            return loopDelay.multipliedBy(ROOT_DELAY_FACTOR);
        }
        return loopDelay;
    }

    /** Called after the local commit of a batch, before the branch tick and the provider finish. */
    protected void batchCommitted(RemoteBatch batch) throws Exception {}

    /**
     * Runs one round; returns true when a provider batch was processed (the loop then does not
     * sleep), false when paused, on the root, or when the provider had no new batch.
     */
    public boolean workOnce() throws Exception {
        Connection dst = local.connection();
        if (dst.getAutoCommit()) {
            dst.setAutoCommit(false);
        }
        try {
            WorkerState st = loadState(dst);
            if (st.paused()) {
                log.debug("worker \"{}\" is paused", settings.workerName());
                return false;
            }
            if (st.nodeType() == NodeType.ROOT) {
                workOnRoot(dst);
                return false;
            }
            return workOnSubscriber(dst, st);
        } catch (Exception e) {
            rollbackQuietly(dst);
            dropProvider();
            recordError(e);
            throw e;
        }
    }

    private WorkerState loadState(Connection dst) throws SQLException {
        PgqNodeClient node = new PgqNodeClient(dst);
        StringBuilder why = new StringBuilder();
        Optional<WorkerState> st = node.getWorkerState(settings.queueName(), why);
        if (st.isEmpty()) {
            dst.rollback();
            throw SkyToolsException.state("the node of queue \"" + settings.queueName()
                    + "\" is not ready in this database: " + why + "; create it with create-root, create-branch"
                    + " or create-leaf");
        }
        if (!st.get().workerName().equals(settings.workerName())) {
            dst.rollback();
            throw SkyToolsException.state("node \"" + st.get().nodeName() + "\" is maintained by worker \""
                    + st.get().workerName() + "\", not \"" + settings.workerName() + "\"");
        }
        if (!st.get().uptodate()) {
            // acknowledges pause, resume and provider changes to the admin command waiting for it
            node.setConsumerUptodate(settings.queueName(), settings.workerName(), true);
        }
        dst.commit();
        sync.load(dst, settings.queueName(), st.get().nodeType());
        dst.commit();
        state = st.get();
        return state;
    }

    // Only a leaf joins ticks: every tick of a branch's queue is a position its subscribers may
    // hold, and a merge leaf mirrors its provider's ticks into the combined queue.
    private boolean collectsWhenBehind(WorkerState st) {
        return st.nodeType() == NodeType.LEAF
                && st.combinedQueue() == null
                && settings.batchCollectEvents() == null
                && settings.batchCollectInterval() == null;
    }

    private void workOnRoot(Connection dst) throws SQLException {
        Instant now = clock.instant();
        if (!now.isBefore(lastGlobalWm.plus(settings.globalWmPublishPeriod()))) {
            RetCode r = new PgqNodeClient(dst).setGlobalWatermark(settings.queueName(), null);
            dst.commit();
            lastGlobalWm = now;
            log.debug("global watermark: {}", r.note());
        }
        processRootNode(dst);
        dst.commit();
    }

    private boolean workOnSubscriber(Connection dst, WorkerState st) throws Exception {
        // C-27: a merge leaf whose combined queue is a branch here applies nothing: the combined
        // branch's worker moves its position when the batch's pgq.tick-id event comes through
        boolean waitsForCombined = st.combinedQueue() != null && st.combinedType() == NodeType.BRANCH;
        if (st.combinedQueue() != null && !waitsForCombined && st.combinedType() != NodeType.ROOT) {
            throw SkyToolsException.state("merge leaf \"" + st.nodeName() + "\" feeds combined queue \""
                    + st.combinedQueue() + "\" on a " + st.combinedType().sqlName()
                    + " node; it must be the root or a branch of that queue");
        }
        Connection src = provider(st);
        Optional<NextBatchInfo> next = Optional.empty();
        if (catchingUp && collectsWhenBehind(st)) {
            next = new PgqClient(src)
                    .nextBatchCatchingUp(
                            settings.queueName(), settings.workerName(), settings.keepLag(), CATCH_UP_EVENTS);
            src.commit();
        }
        if (next.isEmpty()) {
            next = new PgqClient(src)
                    .nextBatchCustom(
                            settings.queueName(),
                            settings.workerName(),
                            settings.keepLag(),
                            settings.batchCollectEvents(),
                            settings.batchCollectInterval());
            src.commit();
        }
        catchingUp = next.isPresent()
                && Duration.between(next.get().curTickTime().toInstant(), clock.instant())
                                .compareTo(BEHIND)
                        > 0;
        if (next.isEmpty()) {
            if (!sync.active()) {
                publishLocalWatermark(src, st, st.localWatermark());
            }
            src.commit();
            return false;
        }
        NextBatchInfo b = next.get();
        long completed = st.completedTick() == null ? -1 : st.completedTick();
        if (waitsForCombined) {
            return followCombined(dst, src, st, b, completed);
        }
        if (completed == b.curTickId()) {
            log.info("batch {} (tick {}) was applied here already, finishing it", b.batchId(), b.curTickId());
            if (st.nodeType() == NodeType.BRANCH) {
                repairBranchTick(dst, st, b);
            }
            finish(src, b);
            return true;
        }
        if (completed != b.prevTickId()) {
            throw lostPosition(st, b, completed);
        }
        // a sync_watermark branch stays behind its own batches when reporting upward (C-13)
        publishLocalWatermark(src, st, sync.active() ? b.prevTickId() : st.localWatermark());
        process(dst, src, st, b);
        return true;
    }

    private void process(Connection dst, Connection src, WorkerState st, NextBatchInfo b) throws Exception {
        boolean branch = st.nodeType() == NodeType.BRANCH;
        EventCopier copier = branch ? new EventCopier(dst, settings.queueName()) : null;
        if (copier != null) {
            copier.begin();
        }
        List<Event> cascadeEvents = new ArrayList<>();
        try (ProviderEvents reader =
                new ProviderEvents(src, b.batchId(), settings.lazyFetch(), eventFilter(), reading)) {
            BatchStream stream = new BatchStream(reader, copier, cascadeEvents, ev -> {
                Event passed = passOn(ev);
                return passed == null ? null : sync.rewrite(passed, st.globalWatermark());
            });
            MergeCopier merge = st.combinedQueue() != null && st.combinedType() == NodeType.ROOT
                    ? new MergeCopier(dst, st.combinedQueue())
                    : null;
            if (merge != null) {
                stream.alsoTo(ev -> {
                    Event passed = copyToCombined(ev) ? passOn(ev) : null;
                    if (passed != null) {
                        merge.add(passed);
                    }
                });
            }
            RemoteBatch batch = new RemoteBatch(
                    b.batchId(),
                    b.curTickId(),
                    b.prevTickId(),
                    b.curTickTime(),
                    b.prevTickTime(),
                    b.curTickEventSeq(),
                    st.nodeType(),
                    src,
                    stream);
            processRemoteBatch(batch, dst);
            stream.drain();
            if (copier != null) {
                copier.flush();
            }
            if (merge != null) {
                merge.tickEvent(settings.queueName(), b.curTickId());
            }
            CascadeEvents handler = new CascadeEvents(dst, settings.queueName(), st, sync);
            for (Event ev : cascadeEvents) {
                handler.handle(ev);
            }
            if (sync.active()) {
                sync.update(dst, settings.queueName(), st);
            }
            NodeCreator.check(
                    new PgqNodeClient(dst)
                            .setConsumerCompleted(settings.queueName(), settings.workerName(), b.curTickId()),
                    "set_consumer_completed");
            dst.commit();
            log.debug(
                    "batch {}: ticks {}..{}, {} events{}",
                    b.batchId(),
                    b.prevTickId(),
                    b.curTickId(),
                    stream.count(),
                    branch ? ", copied " + copier.copied() : "");
            batchCommitted(batch);
            if (branch) {
                createBranchTick(dst, b, copier.maxId());
            }
            finish(src, b);
        }
    }

    /**
     * C-27: the partition batch is done once the combined stream moved this node to its end tick
     * or past it (the combined branch may be several partition batches ahead); until then it stays
     * open on the provider and the worker idles. The batch's data came through the combined queue,
     * but its cascade events (member changes of the partition queue) are handled here before the
     * batch is finished (C-4); handling them twice after a crash changes nothing.
     */
    private boolean followCombined(Connection dst, Connection src, WorkerState st, NextBatchInfo b, long completed)
            throws SQLException {
        // the combined stream may have moved this node past the partition batch: the provider
        // must not rotate away what the batch still holds (C-14)
        Long wm = st.localWatermark() == null ? null : Math.min(st.localWatermark(), b.curTickId());
        publishLocalWatermark(src, st, wm);
        if (completed >= b.curTickId()) {
            log.debug(
                    "batch {} (tick {}) came through combined queue \"{}\", finishing it",
                    b.batchId(),
                    b.curTickId(),
                    st.combinedQueue());
            handleCascadeEvents(dst, src, st, b);
            finish(src, b);
            return true;
        }
        if (completed < b.prevTickId()) {
            throw lostPosition(st, b, completed);
        }
        log.debug(
                "batch {} (ticks {}..{}) waits for combined queue \"{}\"",
                b.batchId(),
                b.prevTickId(),
                b.curTickId(),
                st.combinedQueue());
        return false;
    }

    private void handleCascadeEvents(Connection dst, Connection src, WorkerState st, NextBatchInfo b)
            throws SQLException {
        CascadeEvents handler = new CascadeEvents(dst, settings.queueName(), st, sync);
        int n = 0;
        try (ProviderEvents reader =
                new ProviderEvents(src, b.batchId(), settings.lazyFetch(), CASCADE_EVENTS_ONLY, reading)) {
            while (reader.hasNext()) {
                handler.handle(reader.next());
                n++;
            }
        }
        dst.commit();
        if (n > 0) {
            log.debug("batch {}: {} cascade events handled", b.batchId(), n);
        }
    }

    private static SkyToolsException lostPosition(WorkerState st, NextBatchInfo b, long completed) {
        return SkyToolsException.state("lost position: the provider's batch covers ticks " + b.prevTickId() + ".."
                + b.curTickId() + " but node \"" + st.nodeName() + "\" completed tick " + completed);
    }

    /** The batch was committed here but the worker stopped before its local tick (C-3). */
    private void repairBranchTick(Connection dst, WorkerState st, NextBatchInfo b) throws SQLException {
        Long top = st.localQueueTop();
        if (top != null && top == b.curTickId()) {
            return;
        }
        if (top != null && top == b.prevTickId()) {
            log.info("creating the missing branch tick {}", b.curTickId());
            createBranchTick(dst, b, 0);
            return;
        }
        throw SkyToolsException.state(
                "is_batch_done: last branch tick = " + top + ", batch ticks " + b.prevTickId() + ".." + b.curTickId());
    }

    // a separate transaction after the events' commit, so that the tick's snapshot sees them
    private void createBranchTick(Connection dst, NextBatchInfo b, long maxCopiedId) throws SQLException {
        long seq = b.curTickEventSeq() != null ? b.curTickEventSeq() : maxCopiedId;
        new PgqClient(dst).ticker(settings.queueName(), b.curTickId(), b.curTickTime(), seq);
        dst.commit();
    }

    private void finish(Connection src, NextBatchInfo b) throws SQLException {
        new PgqClient(src).finishBatch(b.batchId());
        src.commit();
    }

    private void publishLocalWatermark(Connection src, WorkerState st, Long wm) throws SQLException {
        Instant now = clock.instant();
        if (now.isBefore(lastLocalWm.plus(settings.localWmPublishPeriod())) || wm == null) {
            return;
        }
        RetCode r = new PgqNodeClient(src).setSubscriberWatermark(settings.queueName(), st.nodeName(), wm);
        lastLocalWm = now;
        log.debug("local watermark {} sent to \"{}\": {}", wm, st.providerNode(), r.note());
    }

    private Connection provider(WorkerState st) throws SQLException {
        if (provider != null && !st.providerLocation().equals(providerLocation)) {
            log.info("provider changed to \"{}\", reconnecting", st.providerNode());
            dropProvider();
        }
        if (provider == null || provider.isClosed()) {
            Connection c =
                    CascadeAdmin.open(connector, st.providerLocation(), "provider \"" + st.providerNode() + "\"");
            c.setAutoCommit(false);
            provider = c;
            providerLocation = st.providerLocation();
        }
        return provider;
    }

    private void dropProvider() {
        Connection c = provider;
        provider = null;
        providerLocation = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // the connection is dropped because its state is unknown; nothing more to do
            }
        }
    }

    private void recordError(Exception e) {
        try {
            Connection dst = local.connection();
            new PgqNodeClient(dst)
                    .setConsumerError(settings.queueName(), settings.workerName(), String.valueOf(e.getMessage()));
            dst.commit();
        } catch (SQLException | RuntimeException again) {
            local.reset();
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            if (!c.isClosed() && !c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException e) {
            // the failure being handled is what matters
        }
    }

    /** Closes the provider connection and resets the local source. */
    @Override
    public void close() {
        dropProvider();
        local.reset();
    }
}
