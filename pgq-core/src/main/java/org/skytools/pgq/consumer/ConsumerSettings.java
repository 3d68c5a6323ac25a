package org.skytools.pgq.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.skytools.common.error.SkyToolsException;
import org.skytools.pgq.internal.PgText;

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

    /** A config value source: the value of a key in the job's section, if set. */
    @FunctionalInterface
    public interface Lookup {
        Optional<String> get(String key);
    }

    /** Reads the consumer keys; {@code jobName} is the default consumer name. */
    public static ConsumerSettings fromConfig(Lookup cf, String jobName) {
        String queue = nonEmpty(cf, "pgq_queue_name")
                .or(() -> nonEmpty(cf, "queue_name"))
                .orElseThrow(() -> SkyToolsException.config("Config value not set: queue_name"));
        String consumer = nonEmpty(cf, "pgq_consumer_id")
                .or(() -> nonEmpty(cf, "consumer_name"))
                .orElse(jobName);
        int lazy = intValue(cf, "pgq_lazy_fetch", DEFAULT_LAZY_FETCH);
        boolean autocommit = intValue(cf, "pgq_autocommit", 0) != 0;
        int minCount = intValue(cf, "pgq_batch_collect_events", 0);
        return new ConsumerSettings(
                queue,
                consumer,
                tableFilter(list(cf.get("table_filter").orElse(""))),
                lazy,
                autocommit,
                minCount > 0 ? minCount : null,
                nonEmpty(cf, "pgq_batch_collect_interval").orElse(null),
                nonEmpty(cf, "pgq_keep_lag").orElse(null),
                Duration.ofSeconds(intValue(cf, "keepalive_stats", (int) DEFAULT_KEEPALIVE.toSeconds())));
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
            quoted.add(PgText.quoteLiteral(PgText.fqName(t)));
        }
        return "ev_extra1 in (" + String.join(", ", quoted) + ")";
    }

    private static Optional<String> nonEmpty(Lookup cf, String key) {
        return cf.get(key).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static int intValue(Lookup cf, String key, int def) {
        Optional<String> v = nonEmpty(cf, key);
        if (v.isEmpty()) {
            return def;
        }
        try {
            return Integer.parseInt(v.get());
        } catch (NumberFormatException e) {
            throw SkyToolsException.config("key \"" + key + "\" must be an integer, not \"" + v.get() + "\"");
        }
    }

    private static List<String> list(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String t = part.trim();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }
}
