package org.skytools.common.cli;

import java.util.ArrayList;
import java.util.List;
import org.skytools.common.daemon.Daemonizer;
import org.skytools.common.log.LogSettings;
import org.skytools.common.log.LogSetup;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;

/**
 * Builds the {@link CommandLine} of a tool with the shared pieces installed: the error handler and
 * exit-code mapper, and console logging set from {@code -q}/{@code -v} before the command runs.
 * A tool's {@code main} is {@code System.exit(ScriptCommandLine.execute(new XCommand(), args))}.
 */
public final class ScriptCommandLine {
    private ScriptCommandLine() {}

    /** A command line for {@code command} with the shared handlers. */
    public static CommandLine create(Object command) {
        CommandLine line = new CommandLine(command);
        ScriptErrorHandler errors = new ScriptErrorHandler();
        line.setExecutionExceptionHandler(errors);
        line.setExitCodeExceptionMapper(errors);
        line.setExecutionStrategy(ScriptCommandLine::execute);
        return line;
    }

    /** Parses and runs {@code args}; returns the exit code. */
    public static int execute(Object command, String... args) {
        return create(command).execute(args);
    }

    private static int execute(ParseResult parseResult) {
        List<ScriptOptions> all = options(parseResult);
        if (!all.isEmpty()) {
            boolean quiet = all.stream().anyMatch(ScriptOptions::quiet);
            int verbose = all.stream().mapToInt(ScriptOptions::verbosity).max().orElse(0);
            boolean daemon = all.stream().anyMatch(ScriptOptions::daemon);
            // a daemon's stderr is gone: it logs to its logfile only
            boolean console = !(daemon && Daemonizer.isChild());
            String name = parseResult.commandSpec().root().name();
            LogSetup.apply(LogSettings.console(name, LogSettings.levelFor(quiet, verbose), console));
        }
        return new RunLast().execute(parseResult);
    }

    /** The ScriptOptions mixins of every command on the parsed command line, outermost first. */
    static List<ScriptOptions> options(ParseResult parseResult) {
        List<ScriptOptions> found = new ArrayList<>();
        for (CommandLine line : parseResult.asCommandLineList()) {
            for (CommandSpec mixin : line.getCommandSpec().mixins().values()) {
                if (mixin.userObject() instanceof ScriptOptions options) {
                    found.add(options);
                }
            }
        }
        return found;
    }
}
