package org.skytools.pgq.consumer;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.OptionalLong;
import org.skytools.common.daemon.Stats;
import org.skytools.pgq.PgqClient;
import org.skytools.pgq.consumer.RemoteConsumer.RemoteBatchHandler;
import org.skytools.pgq.ext.PgqExtClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer that applies batches in order to a target database and records the batch's end tick
 * there ({@code pgq_ext.set_last_tick}) in the same transaction. A batch starting at the recorded
 * tick is applied, one ending at it is skipped, anything else stops with "lost position", which
 * {@link #rewind} or {@link #reset} repairs.
 */
public final class SerialConsumer implements TrackingConsumer {
    private static final Logger log = LoggerFactory.getLogger(SerialConsumer.class);

    private final Consumer consumer;
    private final ConsumerSettings settings;
    private final ConnectionSource source;
    private final ConnectionSource target;

    /** A serial consumer of its own subscription. */
    public SerialConsumer(
            ConsumerSettings settings, ConnectionSource source, ConnectionSource target, RemoteBatchHandler handler) {
        this(settings, source, target, handler, BatchListener.NONE, Clock.systemUTC());
    }

    /** A serial consumer with a listener and the clock for stats. */
    public SerialConsumer(
            ConsumerSettings settings,
            ConnectionSource source,
            ConnectionSource target,
            RemoteBatchHandler handler,
            BatchListener listener,
            Clock clock) {
        this.settings = settings;
        this.source = source;
        this.target = target;
        this.consumer =
                new Consumer(settings, source, new QueueBatchSource(settings), b -> apply(b, handler), listener, clock);
    }

    private void apply(Batch batch, RemoteBatchHandler handler) throws Exception {
        Connection dst = target.connection();
        Tx.requireTransaction(dst);
        try {
            PgqExtClient ext = new PgqExtClient(dst);
            OptionalLong done = ext.getLastTick(settings.consumerName());
            if (TickPosition.alreadyApplied(batch.info(), done, "dst")) {
                log.info("batch {} (tick {}) was applied to the target already, finishing it", batch.id(), done);
                dst.rollback();
                return;
            }
            handler.handle(batch, dst);
            ext.setLastTick(settings.consumerName(), batch.info().curTickId());
            dst.commit();
        } catch (Exception e) {
            Tx.rollbackQuietly(dst);
            throw e;
        }
    }

    @Override
    public boolean work(Stats stats) throws Exception {
        return consumer.work(stats);
    }

    /** Registers on the queue; a new registration also clears the target's tracked tick. */
    @Override
    public int register() throws SQLException {
        int res = consumer.register();
        if (res == 1) {
            reset();
        }
        return res;
    }

    /** Unregisters from the queue and clears the target's tracked tick. */
    @Override
    public int unregister() throws SQLException {
        int res = consumer.unregister();
        reset();
        return res;
    }

    /**
     * {@code --rewind}: moves the queue position to the tick recorded on the target
     * ({@code pgq.register_consumer_at}); returns false when the target has none.
     */
    @Override
    public boolean rewind() throws SQLException {
        Connection dst = target.connection();
        OptionalLong tick = new PgqExtClient(dst).getLastTick(settings.consumerName());
        Tx.rollback(dst);
        if (tick.isEmpty()) {
            log.warn("no tick found on the target for consumer \"{}\"; nothing to rewind to", settings.consumerName());
            return false;
        }
        log.info(
                "rewinding consumer \"{}\" on queue \"{}\" to tick {}",
                settings.consumerName(),
                settings.queueName(),
                tick.getAsLong());
        Connection src = source.connection();
        new PgqClient(src).registerConsumerAt(settings.queueName(), settings.consumerName(), tick.getAsLong());
        Tx.commit(src);
        return true;
    }

    /** {@code --reset}: deletes the tick tracking on the target ({@code pgq_ext.set_last_tick(c, NULL)}). */
    @Override
    public void reset() throws SQLException {
        log.info("resetting the tick tracking of consumer \"{}\" on the target", settings.consumerName());
        Connection dst = target.connection();
        new PgqExtClient(dst).setLastTick(settings.consumerName(), null);
        dst.commit();
    }
}
