package org.skytools.londiste.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.skytools.common.cli.ScriptLauncher;
import org.skytools.common.cli.ScriptOptions;
import org.skytools.common.cli.VersionProvider;
import org.skytools.common.config.SkyConfig;
import org.skytools.common.error.SkyToolsException;
import org.skytools.common.log.LogSettings;
import org.skytools.common.log.LogSetup;
import org.skytools.londiste.config.LondisteKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code londiste [switches] CONFIG.ini COMMAND [args]}: one parser takes every switch, then the
 * command decides. {@code worker} (alias {@code replay}) and {@code copy} run under the script
 * framework (pidfile, {@code -d}, signals); the other commands run once and exit.
 */
@Command(
        name = "londiste",
        versionProvider = VersionProvider.class,
        description = "Londiste: cascaded trigger-based replication over PgQ.",
        footerHeading = "%nCommands:%n")
public final class LondisteCommand implements Callable<Integer> {

    @Mixin
    ScriptOptions script;

    @Mixin
    LondisteOptions options;

    @Parameters(paramLabel = "CONFIG.ini COMMAND [ARGS]", description = "Config file, command and its arguments.")
    List<String> words = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (script.ini()) {
            return new ScriptLauncher(LondisteKeys.DEFINITION).run(script, null, cf -> null);
        }
        if (words.isEmpty()) {
            throw SkyToolsException.usage("missing config file: give CONFIG.ini COMMAND (see --help)");
        }
        Path config = Path.of(words.get(0));
        if (words.size() < 2) {
            if (script.control().isPresent()) {
                return Workers.run(script, options, config);
            }
            throw SkyToolsException.usage("missing command after " + config + "; one of: " + CommandCatalog.names());
        }
        String name = words.get(1);
        CommandCatalog command = CommandCatalog.find(name)
                .orElseThrow(() ->
                        SkyToolsException.usage("unknown command \"" + name + "\"; one of: " + CommandCatalog.names()));
        List<String> args = words.subList(2, words.size());
        checkArgCount(command, args);
        return switch (command) {
            case WORKER, REPLAY -> options.rewind || options.reset
                    ? runAdmin(NodeActions.repairPosition(options.rewind), config, args)
                    : Workers.run(script, options, config);
            case COPY -> Workers.runCopy(script, options, config, args.get(0));
            default -> runAdmin(command, config, args);
        };
    }

    private int runAdmin(CommandCatalog command, Path configFile, List<String> args) throws Exception {
        return runAdmin(AdminCommands.action(command), configFile, args);
    }

    private int runAdmin(AdminAction action, Path configFile, List<String> args) throws Exception {
        SkyConfig config = SkyConfig.load(configFile, LondisteKeys.DEFINITION.sectionNames(), script.overrides());
        LogSetup.apply(LogSettings.from(config, script.logLevel(), true));
        LondisteKeys.DEFINITION.schema().validate(config);
        PrintWriter out = spec.commandLine().getOut();
        try (AdminContext ctx = new AdminContext(config, options, args, out)) {
            int rc = action.run(ctx);
            out.flush();
            return rc;
        }
    }

    private static void checkArgCount(CommandCatalog command, List<String> args) {
        if (args.size() < command.minArgs()) {
            throw SkyToolsException.usage(
                    "command " + command.command() + " needs arguments: " + command.command() + " " + command.args());
        }
        if (command.maxArgs() >= 0 && args.size() > command.maxArgs()) {
            throw SkyToolsException.usage(
                    "too many arguments for " + command.command() + ": " + command.command() + " " + command.args());
        }
    }
}
