package org.skytools.pgq.consumer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.skytools.common.error.SkyToolsException;
import org.skytools.pgq.NextBatchInfo;
import org.skytools.pgq.PgqClient;

/** Batches of the consumer's own subscription, through {@code pgq.next_batch_custom} and {@code pgq.finish_batch}. */
public final class QueueBatchSource implements BatchSource {
    private final ConsumerSettings settings;

    /** Batches of consumer {@code settings.consumerName()} on {@code settings.queueName()}. */
    public QueueBatchSource(ConsumerSettings settings) {
        this.settings = settings;
    }

    @Override
    public Optional<NextBatchInfo> next(Connection db) throws SQLException {
        return new PgqClient(db)
                .nextBatchCustom(
                        settings.queueName(),
                        settings.consumerName(),
                        settings.keepLag(),
                        settings.batchCollectEvents(),
                        settings.batchCollectInterval());
    }

    @Override
    public void finish(Connection db, long batchId) throws SQLException {
        new PgqClient(db).finishBatch(batchId);
    }

    @Override
    public int register(Connection db) throws SQLException {
        return new PgqClient(db).registerConsumer(settings.queueName(), settings.consumerName());
    }

    @Override
    public int unregister(Connection db) throws SQLException {
        return new PgqClient(db).unregisterConsumer(settings.queueName(), settings.consumerName());
    }

    @Override
    public void verify(Connection db) throws SQLException {
        verifyRegistered(db, settings.queueName(), settings.consumerName());
    }

    @Override
    public String queueName() {
        return settings.queueName();
    }

    @Override
    public String consumerName() {
        return settings.consumerName();
    }

    /**
     * Fails when {@code queue} does not exist or {@code consumer} (a subscription name) is not
     * registered on it: consumers of SkyTools 3 never register themselves.
     */
    public static void verifyRegistered(Connection db, String queue, String consumer) throws SQLException {
        PgqClient pgq = new PgqClient(db);
        if (pgq.getQueueInfo(queue).isEmpty()) {
            throw SkyToolsException.state(
                    "queue \"" + queue + "\" does not exist; create it with: qadmin -c \"create queue " + queue + "\"");
        }
        if (pgq.getConsumerInfo(queue, consumer).isEmpty()) {
            throw SkyToolsException.state("consumer \"" + consumer + "\" is not registered on queue \"" + queue
                    + "\"; register it with --register");
        }
    }
}
