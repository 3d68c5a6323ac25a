package org.skytools.pgq.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.skytools.common.config.GenericKeys;
import org.skytools.common.config.SkyConfig;
import org.skytools.common.db.FqName;
import org.skytools.common.db.Quoting;
import org.skytools.common.error.SkyToolsException;

/**
 * The settings of a PgQ consumer, from the SkyTools keys: {@code queue_name} (compat
 * {@code pgq_queue_name}), {@code consumer_name} (compat {@code pgq_consumer_id}, default the job
 * name), {@code table_filter}, {@code pgq_lazy_fetch}, {@code pgq_autocommit},
 * {@code pgq_batch_collect_events}, {@code pgq_batch_collect_interval}, {@code pgq_keep_lag} and
 * {@code keepalive_stats}.
 *
 * @param eventFilter SQL condition on the event columns (from {@code table_filter}), or null
 * @param lazyFetch events fetched per cursor round trip; 0 loads the whole batch at once
 * @param batchCollectEvents {@code min_count} for {@code next_batch_custom}, or null
 * @param batchCollectInterval {@code min_interval} (a PostgreSQL interval), or null
 * @param keepLag {@code min_lag} (a PostgreSQL interval), or null
 */
public record ConsumerSettings(
        String queueName,
        String consumerName,
        String eventFilter,
        int lazyFetch,
        boolean autocommit,
        Integer batchCollectEvents,
        String batchCollectInterval,
        String keepLag,
        Duration keepaliveStats) {

    /** The default of {@code pgq_lazy_fetch}. */
    public static final int DEFAULT_LAZY_FETCH = 300;

    /** The default of {@code keepalive_stats}. */
    public static final Duration DEFAULT_KEEPALIVE = Duration.ofSeconds(300);

    public ConsumerSettings {
        Objects.requireNonNull(queueName, "queueName");
        Objects.requireNonNull(consumerName, "consumerName");
        if (lazyFetch < 0) {
            throw SkyToolsException.config("pgq_lazy_fetch must be 0 or more, not " + lazyFetch);
        }
        if (autocommit && lazyFetch > 0) {
            throw SkyToolsException.config(
                    "pgq_autocommit is not compatible with pgq_lazy_fetch; set pgq_lazy_fetch = 0 to use autocommit");
        }
    }

    /** Defaults for everything but the queue and consumer names. */
    public static ConsumerSettings of(String queueName, String consumerName) {
        return new ConsumerSettings(
                queueName, consumerName, null, DEFAULT_LAZY_FETCH, false, null, null, null, DEFAULT_KEEPALIVE);
    }

    /** A copy with another event filter (an SQL condition such as {@code consumer_filter}). */
    public ConsumerSettings withEventFilter(String filter) {
        return new ConsumerSettings(
                queueName,
                consumerName,
                filter,
                lazyFetch,
                autocommit,
                batchCollectEvents,
                batchCollectInterval,
                keepLag,
                keepaliveStats);
    }

    /** A copy with another fetch size; 0 loads whole batches. */
    public ConsumerSettings withLazyFetch(int fetch) {
        return new ConsumerSettings(
                queueName,
                consumerName,
                eventFilter,
                fetch,
                autocommit,
                batchCollectEvents,
                batchCollectInterval,
                keepLag,
                keepaliveStats);
    }

    /**
     * Reads the consumer keys from the job's section. As in SkyTools, a non-empty compat key
     * ({@code pgq_queue_name}, {@code pgq_consumer_id}) wins over the proper one; the consumer
     * name defaults to the job name.
     */
    public static ConsumerSettings fromConfig(SkyConfig cf) {
        String queue = nonEmpty(cf, "pgq_queue_name")
                .or(() -> nonEmpty(cf, ConsumerKeys.QUEUE_NAME.name()))
                .orElseThrow(() -> cf.problem(
                        ConsumerKeys.QUEUE_NAME.name(), "config value not set: 'queue_name' (nor 'pgq_queue_name')"));
        String consumer = nonEmpty(cf, "pgq_consumer_id")
                .or(() -> nonEmpty(cf, ConsumerKeys.CONSUMER_NAME.name()))
                .orElse(cf.jobName());
        int minCount = ConsumerKeys.PGQ_BATCH_COLLECT_EVENTS.get(cf);
        return new ConsumerSettings(
                queue,
                consumer,
                tableFilter(ConsumerKeys.TABLE_FILTER.get(cf)),
                ConsumerKeys.PGQ_LAZY_FETCH.get(cf),
                ConsumerKeys.PGQ_AUTOCOMMIT.get(cf) != 0,
                minCount > 0 ? minCount : null,
                nonEmpty(cf, ConsumerKeys.PGQ_BATCH_COLLECT_INTERVAL.name()).orElse(null),
                nonEmpty(cf, ConsumerKeys.PGQ_KEEP_LAG.name()).orElse(null),
                GenericKeys.KEEPALIVE_STATS.get(cf));
    }

    /**
     * The filter for a {@code table_filter} list: {@code ev_extra1 in ('public.t1', ...)}, names
     * without a schema taken as {@code public}; null for an empty list.
     */
    public static String tableFilter(List<String> tables) {
        if (tables.isEmpty()) {
            return null;
        }
        List<String> quoted = new ArrayList<>();
        for (String t : tables) {
            quoted.add(Quoting.quoteLiteral(FqName.parse(t).toString()));
        }
        return "ev_extra1 in (" + String.join(", ", quoted) + ")";
    }

    private static Optional<String> nonEmpty(SkyConfig cf, String key) {
        return Optional.ofNullable(cf.getString(key, null)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
