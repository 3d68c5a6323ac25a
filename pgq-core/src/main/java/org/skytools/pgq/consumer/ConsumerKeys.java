package org.skytools.pgq.consumer;

import java.nio.file.Path;
import java.util.List;
import org.skytools.common.config.ConfigKey;
import org.skytools.common.config.ConfigSchema;
import org.skytools.common.config.GenericKeys;
import org.skytools.common.config.Validator;

/**
 * The config keys of PgQ consumers (SkyTools {@code BaseConsumer}, {@code LocalConsumer},
 * {@code CoopConsumer}), for validation, the {@code --ini} sample and the docs.
 */
public final class ConsumerKeys {
    /** Queue to read from. */
    public static final ConfigKey<String> QUEUE_NAME = ConfigKey.string("queue_name")
            .asRequired()
            .withAliases("pgq_queue_name")
            .withDescription("queue name to read from");

    /** Registration name. */
    public static final ConfigKey<String> CONSUMER_NAME = ConfigKey.string("consumer_name")
            .withAliases("pgq_consumer_id")
            .withDefaultText("%(job_name)s")
            .withDescription("consumer name to register with");

    /** Tables whose events are wanted. */
    public static final ConfigKey<List<String>> TABLE_FILTER = ConfigKey.list("table_filter")
            .withDefault(List.of())
            .withDescription("read only the events of these tables (ev_extra1), e.g. table1, myschema.table2");

    /** Cursor fetch size. */
    public static final ConfigKey<Integer> PGQ_LAZY_FETCH = ConfigKey.integer("pgq_lazy_fetch")
            .withDefault(ConsumerSettings.DEFAULT_LAZY_FETCH)
            .withValidator(Validator.atLeast(0))
            .withDescription(
                    "read events this many at a time while they are handled (0 loads the whole batch at once)");

    /** Source connection in autocommit. */
    public static final ConfigKey<Integer> PGQ_AUTOCOMMIT = ConfigKey.integer("pgq_autocommit")
            .withDefault(0)
            .withDescription("read the source in autocommit mode (1); needs pgq_lazy_fetch = 0");

    /** {@code min_count} of next_batch_custom. */
    public static final ConfigKey<Integer> PGQ_BATCH_COLLECT_EVENTS = ConfigKey.integer("pgq_batch_collect_events")
            .withDefault(0)
            .withValidator(Validator.atLeast(0))
            .withDescription("wait for this many events before taking a batch (0 disables)");

    /** {@code min_interval} of next_batch_custom. */
    public static final ConfigKey<String> PGQ_BATCH_COLLECT_INTERVAL = ConfigKey.string("pgq_batch_collect_interval")
            .withDescription("wait this long (PostgreSQL interval) before taking a batch");

    /** {@code min_lag} of next_batch_custom. */
    public static final ConfigKey<String> PGQ_KEEP_LAG = ConfigKey.string("pgq_keep_lag")
            .withDescription("stay this far (PostgreSQL interval) behind the queue top");

    /** The consumer keys as one schema group; {@code keepalive_stats} is a generic key. */
    public static final ConfigSchema SCHEMA = ConfigSchema.of(
            "PgQ consumer",
            QUEUE_NAME,
            CONSUMER_NAME,
            TABLE_FILTER,
            PGQ_LAZY_FETCH,
            PGQ_AUTOCOMMIT,
            PGQ_BATCH_COLLECT_EVENTS,
            PGQ_BATCH_COLLECT_INTERVAL,
            PGQ_KEEP_LAG);

    /** Where a local consumer keeps its tick. */
    public static final ConfigKey<Path> LOCAL_TRACKING_FILE = ConfigKey.file("local_tracking_file")
            .withDefaultText("~/state/%(job_name)s.tick")
            .withDescription("file where the last applied tick is kept; its directory must exist");

    /** The local consumer key. */
    public static final ConfigSchema LOCAL_SCHEMA = ConfigSchema.of("PgQ local consumer", LOCAL_TRACKING_FILE);

    /** Subconsumer name of a cooperative consumer. */
    public static final ConfigKey<String> SUBCONSUMER_NAME =
            ConfigKey.string("subconsumer_name").asRequired().withDescription("name of this subconsumer");

    /** When a subconsumer is dead. */
    public static final ConfigKey<String> SUBCONSUMER_TIMEOUT = ConfigKey.string("subconsumer_timeout")
            .withDescription("take over the open batch of a subconsumer inactive this long (PostgreSQL interval)");

    /** The cooperative consumer keys. */
    public static final ConfigSchema COOP_SCHEMA =
            ConfigSchema.of("PgQ cooperative consumer", SUBCONSUMER_NAME, SUBCONSUMER_TIMEOUT);

    /** The generic script keys plus the consumer keys. */
    public static ConfigSchema consumerSchema() {
        return GenericKeys.SCHEMA.plus(SCHEMA);
    }

    private ConsumerKeys() {}
}
