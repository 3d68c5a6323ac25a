package org.skytools.common.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.skytools.common.daemon.ControlCommand;
import org.skytools.common.error.SkyToolsException;
import org.skytools.common.log.LogSettings;
import org.slf4j.event.Level;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The switches every SkyTools script shares, as a picocli mixin: {@code -h -V -q -v -d -s -k -r
 * --ini --set}. It includes help and version, so commands using it do not set {@code
 * mixinStandardHelpOptions}.
 */
public final class ScriptOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    private boolean help;

    @Option(
            names = {"-V", "--version"},
            versionHelp = true,
            description = "Print version information and exit.")
    private boolean version;

    @Option(
            names = {"-q", "--quiet"},
            description = "Log only warnings and errors.")
    private boolean quiet;

    @Option(
            names = {"-v", "--verbose"},
            description = "Log verbosely (DEBUG); twice for TRACE.")
    private boolean[] verbose = new boolean[0];

    @Option(
            names = {"-d", "--daemon"},
            description = "Go to the background; needs 'pidfile' in the config.")
    private boolean daemon;

    @Option(
            names = {"-r", "--reload"},
            description = "Reload the running process's config (SIGHUP).")
    private boolean reload;

    @Option(
            names = {"-s", "--stop"},
            description = "Stop the running process after its current work (SIGINT).")
    private boolean stop;

    @Option(
            names = {"-k", "--kill"},
            description = "Stop the running process immediately (SIGTERM).")
    private boolean kill;

    @Option(names = "--ini", description = "Print a sample config with every key documented and exit.")
    private boolean ini;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "Override a config key (repeatable); applied after the file and on every reload.")
    private Map<String, String> set = new LinkedHashMap<>();

    /** Number of {@code -v} given. */
    public int verbosity() {
        return verbose.length;
    }

    /** Whether {@code -q} was given. */
    public boolean quiet() {
        return quiet;
    }

    /** The log level these switches ask for. */
    public Level logLevel() {
        return LogSettings.levelFor(quiet, verbosity());
    }

    /** Whether {@code -d} was given. */
    public boolean daemon() {
        return daemon;
    }

    /** Whether {@code --ini} was given. */
    public boolean ini() {
        return ini;
    }

    /** The {@code --set} overrides in command-line order, keys trimmed and lower-cased by SkyConfig. */
    public Map<String, String> overrides() {
        Map<String, String> result = new LinkedHashMap<>();
        set.forEach((k, v) -> result.put(k.strip().toLowerCase(Locale.ROOT), v.strip()));
        return result;
    }

    /**
     * The control switch given, if any.
     *
     * @throws SkyToolsException kind USAGE if more than one of -r, -s, -k was given
     */
    public Optional<ControlCommand> control() {
        List<ControlCommand> given = new ArrayList<>();
        if (reload) {
            given.add(ControlCommand.RELOAD);
        }
        if (stop) {
            given.add(ControlCommand.STOP);
        }
        if (kill) {
            given.add(ControlCommand.KILL);
        }
        if (given.size() > 1) {
            throw SkyToolsException.usage("give only one of -r, -s and -k");
        }
        return given.stream().findFirst();
    }

    /** The arguments of the whole command line as given, for re-launching as a daemon. */
    public List<String> originalArgs() {
        ParseResult result = mixee == null ? null : mixee.root().commandLine().getParseResult();
        return result == null ? List.of() : List.copyOf(result.originalArgs());
    }

    /** The command this mixin belongs to. */
    CommandSpec command() {
        return mixee;
    }
}
