package org.skytools.pgq.coop;

import java.sql.SQLException;
import java.time.Clock;
import org.skytools.common.daemon.Stats;
import org.skytools.pgq.consumer.BatchHandler;
import org.skytools.pgq.consumer.BatchListener;
import org.skytools.pgq.consumer.ConnectionSource;
import org.skytools.pgq.consumer.Consumer;
import org.skytools.pgq.consumer.ConsumerSettings;
import org.skytools.pgq.consumer.QueueConsumer;

/**
 * One subconsumer of a cooperative consumer (one process each): it takes the group's next batch,
 * so that subconsumers work on consecutive batches in parallel. With {@code subconsumer_timeout}
 * it also takes over the open batch of a subconsumer that has been inactive that long.
 */
public final class CoopConsumer implements QueueConsumer {
    private final Consumer consumer;

    /** Subconsumer {@code coop.subconsumerName()} of consumer {@code settings.consumerName()}. */
    public CoopConsumer(ConsumerSettings settings, CoopSettings coop, ConnectionSource source, BatchHandler handler) {
        this(settings, coop, source, handler, BatchListener.NONE, Clock.systemUTC());
    }

    /** A subconsumer with a listener and the clock for stats. */
    public CoopConsumer(
            ConsumerSettings settings,
            CoopSettings coop,
            ConnectionSource source,
            BatchHandler handler,
            BatchListener listener,
            Clock clock) {
        this.consumer = new Consumer(settings, source, new CoopBatchSource(settings, coop), handler, listener, clock);
    }

    @Override
    public boolean work(Stats stats) throws Exception {
        return consumer.work(stats);
    }

    /** {@code pgq_coop.register_subconsumer}: registers the consumer too when needed. */
    @Override
    public int register() throws SQLException {
        return consumer.register();
    }

    /** {@code pgq_coop.unregister_subconsumer}; refused while the subconsumer has an open batch. */
    @Override
    public int unregister() throws SQLException {
        return consumer.unregister();
    }
}
