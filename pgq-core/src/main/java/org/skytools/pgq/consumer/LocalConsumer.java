package org.skytools.pgq.consumer;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import org.skytools.common.daemon.Stats;
import org.skytools.pgq.ConsumerInfo;
import org.skytools.pgq.PgqClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer that keeps its last applied tick in a local file ({@link LocalTickFile}), written
 * after each batch is processed. On start, and after a failure, the file and the queue position
 * are reconciled: the consumer is re-registered at the file's tick when they differ, the queue's
 * tick is stored when the file is missing. Delivery to the target is at least once; events cannot
 * be retried.
 */
public final class LocalConsumer implements TrackingConsumer {
    private static final Logger log = LoggerFactory.getLogger(LocalConsumer.class);

    private final Consumer consumer;
    private final ConsumerSettings settings;
    private final ConnectionSource source;
    private final LocalTickFile tickFile;
    private boolean needsCheck = true;

    /** A local consumer of its own subscription, tracking in {@code tickFile}. */
    public LocalConsumer(
            ConsumerSettings settings, ConnectionSource source, LocalTickFile tickFile, BatchHandler handler) {
        this(settings, source, tickFile, handler, BatchListener.NONE, Clock.systemUTC());
    }

    /** A local consumer with a listener and the clock for stats. */
    public LocalConsumer(
            ConsumerSettings settings,
            ConnectionSource source,
            LocalTickFile tickFile,
            BatchHandler handler,
            BatchListener listener,
            Clock clock) {
        this.settings = settings;
        this.source = source;
        this.tickFile = tickFile;
        this.consumer =
                new Consumer(settings, source, new QueueBatchSource(settings), b -> apply(b, handler), listener, clock);
    }

    private void apply(Batch batch, BatchHandler handler) throws Exception {
        if (TickPosition.alreadyApplied(batch.info(), tickFile.load(), "local file")) {
            log.info(
                    "batch {} was applied already (local tick {}), finishing it",
                    batch.id(),
                    batch.info().curTickId());
            return;
        }
        handler.handle(batch);
        if (batch.retryCount() > 0) {
            throw new IllegalStateException("a local consumer cannot retry events (batch " + batch.id() + " tagged "
                    + batch.retryCount() + "); the whole batch is applied in one go");
        }
        tickFile.save(batch.info().curTickId());
    }

    @Override
    public boolean work(Stats stats) throws Exception {
        try {
            if (needsCheck) {
                checkQueue();
                needsCheck = false;
            }
            return consumer.work(stats);
        } catch (Exception e) {
            // the file or the queue may have moved under a failed batch: reconcile before the next one
            needsCheck = true;
            throw e;
        }
    }

    /** Reconciles the queue position with the local tick file, as described on the class. */
    public void checkQueue() throws SQLException {
        OptionalLong local = tickFile.load();
        Connection db = source.connection();
        PgqClient pgq = new PgqClient(db);
        Optional<ConsumerInfo> info = pgq.getConsumerInfo(settings.queueName(), settings.consumerName());
        Tx.commit(db);
        String q = settings.queueName();
        String c = settings.consumerName();
        if (info.isEmpty() || info.get().lastTick() == null) {
            if (local.isPresent()) {
                log.info("registering consumer \"{}\" on queue \"{}\" at tick {}", c, q, local.getAsLong());
                pgq.registerConsumerAt(q, c, local.getAsLong());
            } else {
                log.info("registering consumer \"{}\" on queue \"{}\" at the queue top", c, q);
                pgq.registerConsumer(q, c);
            }
            Tx.commit(db);
            return;
        }
        long queueTick = info.get().lastTick();
        if (local.isEmpty()) {
            log.info("local tick missing, storing queue tick {}", queueTick);
            tickFile.save(queueTick);
        } else if (local.getAsLong() != queueTick) {
            log.warn(
                    "tracking out of sync: queue={} local={}; repositioning consumer \"{}\" on the queue at the local tick",
                    queueTick,
                    local.getAsLong(),
                    c);
            pgq.registerConsumerAt(q, c, local.getAsLong());
            Tx.commit(db);
        } else {
            log.info("ticks match: queue={} local={}", queueTick, local.getAsLong());
        }
    }

    /** Registers on the queue; a new registration also deletes the local tick file. */
    @Override
    public int register() throws SQLException {
        int res = consumer.register();
        if (res == 1) {
            reset();
        }
        return res;
    }

    /** Unregisters from the queue and deletes the local tick file. */
    @Override
    public int unregister() throws SQLException {
        int res = consumer.unregister();
        reset();
        return res;
    }

    /** {@code --rewind}: moves the queue position to the local file's tick; false when there is none. */
    @Override
    public boolean rewind() throws SQLException {
        OptionalLong tick = tickFile.load();
        if (tick.isEmpty()) {
            log.error("cannot rewind: no tick in local tracking file \"{}\"", tickFile.path());
            return false;
        }
        log.info("rewinding queue to local tick {}", tick.getAsLong());
        Connection db = source.connection();
        new PgqClient(db).registerConsumerAt(settings.queueName(), settings.consumerName(), tick.getAsLong());
        Tx.commit(db);
        return true;
    }

    /** {@code --reset}: deletes the local tick file, so that the next start takes the queue position. */
    @Override
    public void reset() {
        log.info("removing local tracking file \"{}\"", tickFile.path());
        tickFile.delete();
    }
}
