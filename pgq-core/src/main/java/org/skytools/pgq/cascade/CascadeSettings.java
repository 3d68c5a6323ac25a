package org.skytools.pgq.cascade;

import java.time.Duration;
import java.util.Objects;
import org.skytools.common.config.SkyConfig;
import org.skytools.pgq.consumer.ConsumerSettings;

/**
 * Settings of a cascaded worker.
 *
 * @param queueName the cascaded queue
 * @param workerName the worker's consumer name, as given to create-branch/create-leaf
 * @param lazyFetch events read per cursor round trip from the provider; 0 reads a batch at once
 * @param globalWmPublishPeriod how often the root publishes the global watermark
 *     ({@code global_wm_publish_period}, 300 s)
 * @param localWmPublishPeriod how often a non-root node reports its watermark to its provider
 *     ({@code local_wm_publish_period}, 300 s)
 * @param keepLag {@code pgq_keep_lag} as a PostgreSQL interval, or null
 * @param batchCollectEvents {@code pgq_batch_collect_events}, or null
 * @param batchCollectInterval {@code pgq_batch_collect_interval} as a PostgreSQL interval, or null
 */
public record CascadeSettings(
        String queueName,
        String workerName,
        int lazyFetch,
        Duration globalWmPublishPeriod,
        Duration localWmPublishPeriod,
        String keepLag,
        Integer batchCollectEvents,
        String batchCollectInterval) {

    /** The default of both watermark periods. */
    public static final Duration DEFAULT_WM_PERIOD = Duration.ofSeconds(300);

    public CascadeSettings {
        Objects.requireNonNull(queueName, "queueName");
        Objects.requireNonNull(workerName, "workerName");
        Objects.requireNonNull(globalWmPublishPeriod, "globalWmPublishPeriod");
        Objects.requireNonNull(localWmPublishPeriod, "localWmPublishPeriod");
        if (lazyFetch < 0) {
            throw new IllegalArgumentException("lazyFetch must be 0 or more");
        }
    }

    /** Defaults for everything but the names: fetch 300, both periods 300 s, no batch thresholds. */
    public static CascadeSettings of(String queueName, String workerName) {
        return new CascadeSettings(queueName, workerName, 300, DEFAULT_WM_PERIOD, DEFAULT_WM_PERIOD, null, null, null);
    }

    /** A copy with other watermark periods. */
    public CascadeSettings withWatermarkPeriods(Duration global, Duration local) {
        return new CascadeSettings(
                queueName, workerName, lazyFetch, global, local, keepLag, batchCollectEvents, batchCollectInterval);
    }

    /** A copy with another fetch size. */
    public CascadeSettings withLazyFetch(int fetch) {
        return new CascadeSettings(
                queueName,
                workerName,
                fetch,
                globalWmPublishPeriod,
                localWmPublishPeriod,
                keepLag,
                batchCollectEvents,
                batchCollectInterval);
    }

    /**
     * Reads the settings from the job's section: {@code queue_name}, the consumer keys
     * ({@code pgq_lazy_fetch}, {@code pgq_keep_lag}, {@code pgq_batch_collect_*}) and the two
     * watermark periods; the worker name is the job name, as in SkyTools.
     */
    public static CascadeSettings fromConfig(SkyConfig cf) {
        ConsumerSettings c = ConsumerSettings.fromConfig(cf);
        return new CascadeSettings(
                c.queueName(),
                cf.jobName(),
                c.lazyFetch(),
                CascadeKeys.GLOBAL_WM_PUBLISH_PERIOD.get(cf),
                CascadeKeys.LOCAL_WM_PUBLISH_PERIOD.get(cf),
                c.keepLag(),
                c.batchCollectEvents(),
                c.batchCollectInterval());
    }
}
