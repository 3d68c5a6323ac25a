package org.skytools.pgq.coop;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.pgq.BatchInfo;
import org.skytools.pgq.NextBatchInfo;
import org.skytools.pgq.PgqClient;
import org.skytools.pgq.consumer.BatchSource;
import org.skytools.pgq.consumer.ConsumerSettings;
import org.skytools.pgq.consumer.QueueBatchSource;

/**
 * Batches of a subconsumer: {@code pgq_coop.next_batch_custom} (with the dead-subconsumer takeover
 * when {@code subconsumer_timeout} is set) and {@code pgq_coop.finish_batch}. The tick range comes
 * from {@code pgq.get_batch_info}, since the coop functions return only the batch id.
 */
public final class CoopBatchSource implements BatchSource {
    private final ConsumerSettings settings;
    private final CoopSettings coop;

    /** Batches of subconsumer {@code coop} of the consumer in {@code settings}. */
    public CoopBatchSource(ConsumerSettings settings, CoopSettings coop) {
        this.settings = settings;
        this.coop = coop;
    }

    @Override
    public Optional<NextBatchInfo> next(Connection db) throws SQLException {
        OptionalLong id = new PgqCoopClient(db)
                .nextBatchCustom(
                        settings.queueName(),
                        settings.consumerName(),
                        coop.subconsumerName(),
                        settings.keepLag(),
                        settings.batchCollectEvents(),
                        settings.batchCollectInterval(),
                        coop.subconsumerTimeout());
        if (id.isEmpty()) {
            return Optional.empty();
        }
        long batchId = id.getAsLong();
        BatchInfo b = new PgqClient(db)
                .getBatchInfo(batchId)
                .orElseThrow(() -> new SkyToolsException(
                        ErrorKind.INTERNAL, "batch " + batchId + " given by pgq_coop.next_batch has no batch info"));
        return Optional.of(new NextBatchInfo(
                batchId, b.tickId(), b.prevTickId(), b.batchEnd(), b.batchStart(), b.seqEnd(), b.seqStart()));
    }

    @Override
    public void finish(Connection db, long batchId) throws SQLException {
        new PgqCoopClient(db).finishBatch(batchId);
    }

    @Override
    public int register(Connection db) throws SQLException {
        return new PgqCoopClient(db)
                .registerSubconsumer(settings.queueName(), settings.consumerName(), coop.subconsumerName());
    }

    /** Unregisters the subconsumer; refused by the database while it has an open batch. */
    @Override
    public int unregister(Connection db) throws SQLException {
        return new PgqCoopClient(db)
                .unregisterSubconsumer(settings.queueName(), settings.consumerName(), coop.subconsumerName(), 0);
    }

    /** The subconsumer's own subscription is named {@code consumer.subconsumer}. */
    @Override
    public void verify(Connection db) throws SQLException {
        QueueBatchSource.verifyRegistered(db, settings.queueName(), consumerName());
    }

    @Override
    public String queueName() {
        return settings.queueName();
    }

    @Override
    public String consumerName() {
        return settings.consumerName() + "." + coop.subconsumerName();
    }
}
