package org.skytools.dispatch;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.skytools.common.cli.ScriptDefinition;
import org.skytools.common.cli.ScriptOptions;
import org.skytools.common.cli.VersionProvider;
import org.skytools.common.config.SkyConfig;
import org.skytools.common.daemon.Sleeper;
import org.skytools.pgq.consumer.ConnectionSource;
import org.skytools.pgq.consumer.Consumer;
import org.skytools.pgq.consumer.ConsumerDatabases;
import org.skytools.pgq.consumer.ConsumerKeys;
import org.skytools.pgq.consumer.ConsumerLauncher;
import org.skytools.pgq.consumer.ConsumerOptions;
import org.skytools.pgq.consumer.ConsumerSettings;
import org.skytools.pgq.consumer.QueueConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code simple_consumer3 CONFIG.ini}: runs {@code dst_query} on {@code dst_db} for every row event
 * of the queue. No tracking on the target: after a crash the batch is run again.
 */
@Command(
        name = "simple_consumer3",
        versionProvider = VersionProvider.class,
        description = "Runs dst_query in dst_db for each row event (I:/U:/D:) read from queue_name in src_db.")
public final class SimpleConsumerCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(SimpleConsumerCommand.class);

    static final ScriptDefinition DEFINITION = ScriptDefinition.of(
                    "simple_consumer3", ConsumerKeys.SCHEMA.plus(SimpleConsumerKeys.SCHEMA))
            .withAlternateSections("simple_consumer");

    @Mixin
    ScriptOptions options;

    @Mixin
    ConsumerOptions consumer;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "CONFIG",
            description = "Config file with a [simple_consumer3] section.")
    Path config;

    @Override
    public Integer call() {
        return new ConsumerLauncher(DEFINITION).run(options, consumer, null, config, SimpleConsumerCommand::build);
    }

    static QueueConsumer build(SkyConfig cf, ConsumerDatabases dbs) {
        ConsumerSettings settings = withConsumerFilter(ConsumerSettings.fromConfig(cf), cf);
        ConnectionSource src = dbs.open(SimpleConsumerKeys.SRC_DB.name(), settings.autocommit());
        ConnectionSource dst = dbs.open(SimpleConsumerKeys.DST_DB.name(), true);
        QueryTemplate query = QueryTemplate.parse(SimpleConsumerKeys.DST_QUERY.get(cf));
        SqlRetry once = new SqlRetry(SqlRetry.Settings.OFF, Sleeper::quietly, Clock.systemUTC());
        return new Consumer(settings, src, new RowQueryHandler(query, dst, once));
    }

    /** A non-empty {@code consumer_filter} replaces the {@code table_filter} condition. */
    static ConsumerSettings withConsumerFilter(ConsumerSettings settings, SkyConfig cf) {
        String filter =
                SimpleConsumerKeys.CONSUMER_FILTER.find(cf).map(String::strip).orElse("");
        if (filter.isEmpty()) {
            return settings;
        }
        log.warn("consumer_filter is deprecated, use table_filter");
        if (settings.eventFilter() != null) {
            log.warn("consumer_filter replaces the table_filter condition");
        }
        return settings.withEventFilter(filter);
    }
}
