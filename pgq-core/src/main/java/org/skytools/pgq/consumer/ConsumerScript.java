package org.skytools.pgq.consumer;

import org.skytools.common.config.SkyConfig;
import org.skytools.common.daemon.Script;
import org.skytools.common.daemon.Stats;

/**
 * Runs a {@link QueueConsumer} in the SkyTools work loop: one batch per loop, connections dropped
 * after a failure, the consumer rebuilt from the new config on reload.
 */
public final class ConsumerScript implements Script {
    /** Builds a tool's consumer from its config, opening its databases through {@code dbs}. */
    @FunctionalInterface
    public interface Factory {
        QueueConsumer create(SkyConfig config, ConsumerDatabases dbs) throws Exception;
    }

    private final Factory factory;
    private ConsumerDatabases dbs;
    private QueueConsumer consumer;

    /** Builds the consumer from {@code config} at once, so that config errors stop the start. */
    public ConsumerScript(SkyConfig config, Factory factory) throws Exception {
        this.factory = factory;
        build(config);
    }

    private void build(SkyConfig config) throws Exception {
        ConsumerDatabases fresh = new ConsumerDatabases(config);
        QueueConsumer built = factory.create(config, fresh);
        if (dbs != null) {
            dbs.close();
        }
        dbs = fresh;
        consumer = built;
    }

    /** The consumer being run. */
    public QueueConsumer consumer() {
        return consumer;
    }

    @Override
    public boolean work(Stats stats) throws Exception {
        return consumer.work(stats);
    }

    @Override
    public void reload(SkyConfig config) throws Exception {
        build(config);
    }

    @Override
    public void reset() {
        dbs.reset();
    }

    @Override
    public void close() {
        dbs.close();
    }
}
