package org.skytools.common.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import org.skytools.common.config.ConfigKey;
import org.skytools.common.config.ConfigSchema;
import org.skytools.common.config.SkyConfig;
import org.skytools.common.daemon.Script;
import org.skytools.common.daemon.Stats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** A minimal tool on the script framework: appends a line to {@code output_file} on every loop. */
@Command(
        name = "example_tool",
        versionProvider = VersionProvider.class,
        description = "Appends a line to output_file on every loop.")
public final class ExampleTool implements Callable<Integer> {
    static final ConfigKey<Path> OUTPUT_FILE =
            ConfigKey.file("output_file").asRequired().withDescription("file that gets one line per loop");
    static final ConfigKey<Boolean> BUSY = ConfigKey.bool("busy")
            .withDefault(false)
            .withDescription("report more work after every loop, so the loop never sleeps");
    static final ConfigKey<String> FAIL_SQLSTATE =
            ConfigKey.string("fail_sqlstate").withDescription("fail every loop with a database error of this SQLSTATE");

    static final ScriptDefinition DEFINITION =
            ScriptDefinition.of("example_tool", ConfigSchema.of("example_tool", OUTPUT_FILE, BUSY, FAIL_SQLSTATE));

    @Mixin
    ScriptOptions options;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", description = "Config file with [example_tool].")
    Path config;

    @Override
    public Integer call() {
        return new ScriptLauncher(DEFINITION).run(options, config, Example::new);
    }

    public static void main(String[] args) {
        System.exit(ScriptCommandLine.execute(new ExampleTool(), args));
    }

    /** The work: one line per loop. */
    static final class Example implements Script {
        private static final Logger log = LoggerFactory.getLogger(Example.class);
        private Path output;
        private boolean busy;
        private String failState;
        private long loops;

        Example(SkyConfig config) {
            reload(config);
        }

        @Override
        public boolean work(Stats stats) throws Exception {
            if (failState != null) {
                throw new SQLException("simulated failure", failState);
            }
            loops++;
            Files.writeString(
                    output,
                    "loop " + loops + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            stats.increase("count");
            return busy;
        }

        @Override
        public void reload(SkyConfig config) {
            output = OUTPUT_FILE.get(config);
            busy = BUSY.get(config);
            failState = FAIL_SQLSTATE.get(config);
            log.info("writing to {}", output);
        }
    }
}
