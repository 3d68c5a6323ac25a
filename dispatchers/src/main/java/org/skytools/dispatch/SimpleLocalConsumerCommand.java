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
import org.skytools.pgq.consumer.ConsumerDatabases;
import org.skytools.pgq.consumer.ConsumerKeys;
import org.skytools.pgq.consumer.ConsumerLauncher;
import org.skytools.pgq.consumer.ConsumerOptions;
import org.skytools.pgq.consumer.ConsumerSettings;
import org.skytools.pgq.consumer.LocalConsumer;
import org.skytools.pgq.consumer.LocalTickFile;
import org.skytools.pgq.consumer.QueueConsumer;
import org.skytools.pgq.consumer.TrackingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code simple_local_consumer3 CONFIG.ini}: like simple_consumer, with the last applied tick kept
 * in {@code local_tracking_file} and statements retried on connection errors per the
 * {@code sql_retry} keys.
 */
@Command(
        name = "simple_local_consumer3",
        versionProvider = VersionProvider.class,
        description = "Runs dst_query in dst_db for each row event, tracking the applied tick in a local file.")
public final class SimpleLocalConsumerCommand implements Callable<Integer> {
    static final ScriptDefinition DEFINITION = ScriptDefinition.of(
                    "simple_local_consumer3",
                    ConsumerKeys.SCHEMA.plus(ConsumerKeys.LOCAL_SCHEMA).plus(SimpleConsumerKeys.SCHEMA))
            .withAlternateSections("simple_local_consumer");

    @Mixin
    ScriptOptions options;

    @Mixin
    ConsumerOptions consumer;

    @Mixin
    TrackingOptions tracking;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "CONFIG",
            description = "Config file with a [simple_local_consumer3] section.")
    Path config;

    @Override
    public Integer call() {
        return new ConsumerLauncher(DEFINITION)
                .run(options, consumer, tracking, config, SimpleLocalConsumerCommand::build);
    }

    static QueueConsumer build(SkyConfig cf, ConsumerDatabases dbs) {
        ConsumerSettings settings = SimpleConsumerCommand.withConsumerFilter(ConsumerSettings.fromConfig(cf), cf);
        ConnectionSource src = dbs.open(SimpleConsumerKeys.SRC_DB.name(), settings.autocommit());
        ConnectionSource dst = dbs.open(SimpleConsumerKeys.DST_DB.name(), true);
        QueryTemplate query = QueryTemplate.parse(SimpleConsumerKeys.DST_QUERY.get(cf));
        SqlRetry retry = new SqlRetry(SqlRetry.Settings.from(cf), Sleeper::quietly, Clock.systemUTC());
        return new LocalConsumer(settings, src, LocalTickFile.fromConfig(cf), new RowQueryHandler(query, dst, retry));
    }
}
