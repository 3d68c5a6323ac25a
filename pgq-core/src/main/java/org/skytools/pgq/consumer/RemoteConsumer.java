package org.skytools.pgq.consumer;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import org.skytools.common.daemon.Stats;
import org.skytools.pgq.ext.PgqExtClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer that applies each batch to a target database and records the batch id there with
 * {@code pgq_ext.set_batch_done} in the same transaction. A batch delivered again after a crash is
 * found done ({@code pgq_ext.is_batch_done}) and only finished, so nothing is applied twice.
 */
public final class RemoteConsumer implements QueueConsumer {
    private static final Logger log = LoggerFactory.getLogger(RemoteConsumer.class);

    /** The work on the target: write through {@code target} and do not commit; the consumer does. */
    @FunctionalInterface
    public interface RemoteBatchHandler {
        void handle(Batch batch, Connection target) throws Exception;
    }

    private final Consumer consumer;
    private final ConnectionSource target;
    private final String consumerName;

    /** A remote consumer of its own subscription. */
    public RemoteConsumer(
            ConsumerSettings settings, ConnectionSource source, ConnectionSource target, RemoteBatchHandler handler) {
        this(settings, source, target, handler, BatchListener.NONE, Clock.systemUTC());
    }

    /** A remote consumer with a listener and the clock for stats. */
    public RemoteConsumer(
            ConsumerSettings settings,
            ConnectionSource source,
            ConnectionSource target,
            RemoteBatchHandler handler,
            BatchListener listener,
            Clock clock) {
        this.target = target;
        this.consumerName = settings.consumerName();
        this.consumer =
                new Consumer(settings, source, new QueueBatchSource(settings), b -> apply(b, handler), listener, clock);
    }

    private void apply(Batch batch, RemoteBatchHandler handler) throws Exception {
        Connection dst = target.connection();
        Tx.requireTransaction(dst);
        try {
            PgqExtClient ext = new PgqExtClient(dst);
            if (ext.isBatchDone(consumerName, batch.id())) {
                log.info("batch {} was applied to the target already, finishing it", batch.id());
                dst.rollback();
                return;
            }
            handler.handle(batch, dst);
            ext.setBatchDone(consumerName, batch.id());
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

    @Override
    public int register() throws SQLException {
        return consumer.register();
    }

    @Override
    public int unregister() throws SQLException {
        return consumer.unregister();
    }
}
