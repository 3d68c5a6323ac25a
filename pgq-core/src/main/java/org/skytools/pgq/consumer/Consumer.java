package org.skytools.pgq.consumer;

import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import org.skytools.common.daemon.Stats;
import org.skytools.common.db.ServerEncoding;
import org.skytools.pgq.NextBatchInfo;
import org.skytools.pgq.internal.BatchReading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SkyTools 3 consumer: per {@link #work} call it takes the next batch
 * ({@code next_batch_custom}, commit), reads its events lazily, hands them to the handler, queues
 * the events tagged for retry ({@code event_retry}), finishes the batch and commits. A failure
 * before the commit leaves the batch open, so the same events are delivered again. It never
 * registers itself: {@link #register} is for {@code --register}.
 */
public final class Consumer implements QueueConsumer {
    private static final Logger log = LoggerFactory.getLogger(Consumer.class);

    private final ConsumerSettings settings;
    private final ConnectionSource source;
    private final BatchSource batches;
    private final BatchHandler handler;
    private final BatchListener listener;
    private final ConsumerStats timing;
    private final BatchReading reading = new BatchReading(BatchEvents.CURSOR);
    private boolean verified;
    // the server_encoding of the connection last used, read once per connection
    private Connection encodingOf;
    private Charset encoding;

    /** A consumer of its own subscription ({@code queue_name}, {@code consumer_name}). */
    public Consumer(ConsumerSettings settings, ConnectionSource source, BatchHandler handler) {
        this(settings, source, new QueueBatchSource(settings), handler, BatchListener.NONE, Clock.systemUTC());
    }

    /** A consumer with its batch source (own or cooperative), a listener and the clock for stats. */
    public Consumer(
            ConsumerSettings settings,
            ConnectionSource source,
            BatchSource batches,
            BatchHandler handler,
            BatchListener listener,
            Clock clock) {
        this.settings = settings;
        this.source = source;
        this.batches = batches;
        this.handler = handler;
        this.listener = listener;
        this.timing = new ConsumerStats(clock, settings.keepaliveStats());
    }

    /** The settings this consumer runs with. */
    public ConsumerSettings settings() {
        return settings;
    }

    @Override
    public boolean work(Stats loopStats) throws Exception {
        Connection db = source.connection();
        try {
            if (!verified) {
                batches.verify(db);
                Tx.commit(db);
                verified = true;
            }
            timing.batchStarting(loopStats);
            Optional<NextBatchInfo> next = batches.next(db);
            Tx.commit(db);
            if (next.isEmpty()) {
                return false;
            }
            process(db, next.get(), loopStats);
            return true;
        } catch (Exception e) {
            Tx.rollbackQuietly(db);
            throw e;
        }
    }

    private void process(Connection db, NextBatchInfo info, Stats loopStats) throws Exception {
        long batchId = info.batchId();
        log.debug("batch {}: ticks {}..{}", batchId, info.prevTickId(), info.curTickId());
        BatchEvents events = (settings.lazyFetch() > 0
                        ? BatchEvents.lazy(db, batchId, settings.lazyFetch(), settings.eventFilter(), reading)
                        : BatchEvents.loaded(db, batchId, settings.eventFilter()))
                .rowsIn(encoding(db));
        Tx.commit(db);
        try (events) {
            handler.handle(new Batch(batches.queueName(), info, events, db));
        }
        listener.batchProcessed(info);
        int retried = events.flushRetries();
        batches.finish(db, batchId);
        Tx.commit(db);
        timing.batchDone(loopStats, events.count(), retried);
        listener.batchFinished(info, events.count());
    }

    private Charset encoding(Connection db) throws SQLException {
        if (db != encodingOf) {
            encoding = ServerEncoding.of(db);
            encodingOf = db;
        }
        return encoding;
    }

    @Override
    public int register() throws SQLException {
        Connection db = source.connection();
        log.info("registering consumer \"{}\" on queue \"{}\"", batches.consumerName(), batches.queueName());
        int res = batches.register(db);
        Tx.commit(db);
        return res;
    }

    @Override
    public int unregister() throws SQLException {
        Connection db = source.connection();
        log.info("unregistering consumer \"{}\" from queue \"{}\"", batches.consumerName(), batches.queueName());
        int res = batches.unregister(db);
        Tx.commit(db);
        return res;
    }
}
