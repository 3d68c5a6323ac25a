package org.skytools.common.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.skytools.common.config.ConfigValueException;
import org.skytools.common.config.GenericKeys;
import org.skytools.common.config.SkyConfig;
import org.skytools.common.daemon.ControlCommand;
import org.skytools.common.daemon.Daemonizer;
import org.skytools.common.daemon.LoopControl;
import org.skytools.common.daemon.Pidfile;
import org.skytools.common.daemon.ScriptFactory;
import org.skytools.common.daemon.ScriptRunner;
import org.skytools.common.daemon.SignalHandlers;
import org.skytools.common.daemon.Signals;
import org.skytools.common.error.SkyToolsException;
import org.skytools.common.log.LogSettings;
import org.skytools.common.log.LogSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Runs a tool the way SkyTools' {@code BaseScript} did: {@code --ini}; read and validate the
 * config; set up logging; serve {@code -r/-s/-k}; enforce the single-instance pidfile; detach
 * with {@code -d}; then run the work loop with signal handling, removing the pidfile at the end.
 * Errors before the loop are thrown (the error handler prints them); errors in the loop are
 * logged by the loop and turned into the exit code.
 */
public final class ScriptLauncher {
    private static final Logger log = LoggerFactory.getLogger(ScriptLauncher.class);
    static final Duration DAEMON_START_TIMEOUT = Duration.ofSeconds(30);

    private final ScriptDefinition definition;
    private final Clock clock;

    /** A launcher for the tool described by {@code definition}. */
    public ScriptLauncher(ScriptDefinition definition) {
        this(definition, Clock.systemUTC());
    }

    ScriptLauncher(ScriptDefinition definition, Clock clock) {
        this.definition = definition;
        this.clock = clock;
    }

    /**
     * Runs the tool.
     *
     * @param options the parsed shared switches
     * @param configFile the config file argument, or null when not given
     * @param factory creates the script once the loop is about to start
     * @return the exit code
     */
    public int run(ScriptOptions options, Path configFile, ScriptFactory factory) {
        if (options.ini()) {
            PrintWriter out = out(options);
            out.print(definition.schema().renderIni(definition.serviceName(), options.overrides()));
            out.flush();
            return 0;
        }
        if (configFile == null) {
            throw SkyToolsException.usage("missing config file: give CONFIG.ini as the first argument (see --help)");
        }
        Optional<ControlCommand> control = options.control();
        SkyConfig config = SkyConfig.load(configFile, definition.sectionNames(), options.overrides());
        boolean console = !(options.daemon() && Daemonizer.isChild());
        try {
            // logging first, so that validation warnings reach the logfile too
            LogSetup.apply(LogSettings.from(config, options.logLevel(), console));
        } catch (ConfigValueException e) {
            // a bad logging key: validate() reports it together with every other problem
        }
        definition.schema().validate(config);
        log.debug("effective config:\n{}", config.describe());

        Optional<Pidfile> pidfile = pidfile(config);
        if (control.isPresent()) {
            return control.get().send(pidfile);
        }
        if (options.daemon() && pidfile.isEmpty()) {
            throw config.problem(
                    "pidfile", "daemon mode (-d) needs 'pidfile'; set it, e.g. pidfile = ~/pid/%(job_name)s.pid");
        }
        pidfile.ifPresent(Pidfile::checkNotRunning);
        if (options.daemon() && !Daemonizer.isChild()) {
            if (GenericKeys.LOGFILE.get(config) == null) {
                log.warn("no 'logfile' in {}: the daemon's log goes nowhere", config.file());
            }
            return new Daemonizer(DAEMON_START_TIMEOUT).detach(options.originalArgs(), pidfile.get(), err(options));
        }
        Consumer<SkyConfig> reloadCheck = reloaded -> {
            definition.schema().validate(reloaded);
            LogSetup.apply(LogSettings.from(reloaded, options.logLevel(), console));
        };
        return runLoop(config, factory, pidfile, reloadCheck);
    }

    private int runLoop(
            SkyConfig config, ScriptFactory factory, Optional<Pidfile> pidfile, Consumer<SkyConfig> reloadCheck) {
        LoopControl control = new LoopControl();
        SignalHandlers handlers = new SignalHandlers(control, clock, System::exit);
        Thread cleanup = null;
        Signals signals = Signals.install(handlers);
        try {
            if (pidfile.isPresent()) {
                pidfile.get().create();
                // SIGTERM and a second SIGINT exit through System.exit: the hook removes the pidfile
                cleanup = new Thread(pidfile.get()::remove, "pidfile-cleanup");
                Runtime.getRuntime().addShutdownHook(cleanup);
            }
            return new ScriptRunner(config, factory, control, control, clock, reloadCheck, definition.singleRun())
                    .run();
        } finally {
            signals.close();
            pidfile.ifPresent(Pidfile::remove);
            if (cleanup != null) {
                removeHook(cleanup);
            }
        }
    }

    private Optional<Pidfile> pidfile(SkyConfig config) {
        if (!definition.usesPidfile()) {
            return Optional.empty();
        }
        return GenericKeys.PIDFILE.find(config).map(p -> new Pidfile(Path.of(p + definition.pidfileSuffix())));
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs anyway
        }
    }

    private static PrintWriter out(ScriptOptions options) {
        CommandLine line = options.command() == null ? null : options.command().commandLine();
        return line != null ? line.getOut() : new PrintWriter(System.out, true);
    }

    private static PrintWriter err(ScriptOptions options) {
        CommandLine line = options.command() == null ? null : options.command().commandLine();
        return line != null ? line.getErr() : new PrintWriter(System.err, true);
    }
}
