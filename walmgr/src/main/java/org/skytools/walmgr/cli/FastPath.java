package org.skytools.walmgr.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.skytools.common.config.SkyConfig;
import org.skytools.common.log.LogSettings;
import org.skytools.common.log.LogSetup;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.SkyConfigs;
import org.skytools.walmgr.master.XArchive;
import org.slf4j.MDC;
import org.slf4j.event.Level;

/**
 * The per-segment commands PostgreSQL starts, {@code CONFIG xarchive %p %f} and {@code CONFIG
 * xrestore %f %p [%r]}, run without building the picocli model of all commands and without
 * initialising logback unless a {@code logfile} is configured: these processes start once per
 * WAL segment, and start-up time is archiving and replay throughput. Any switch sends the call
 * down the normal path.
 */
public final class FastPath {
    private static final Set<String> COMMANDS = Set.of("xarchive", "xrestore");
    private static final String LOGFILE = "logfile";
    private static final String PROVIDER = "slf4j.provider";

    private FastPath() {}

    public static boolean applies(String[] args) {
        if (args.length < 4 || !COMMANDS.contains(args[1])) {
            return false;
        }
        int max = args[1].equals("xarchive") ? 4 : 5;
        if (args.length > max) {
            return false;
        }
        for (String a : args) {
            if (a.startsWith("-")) {
                return false;
            }
        }
        return true;
    }

    public static int run(String[] args) {
        try {
            // nothing may log before the back end is chosen: SkyConfig itself does not
            SkyConfig config = SkyConfigs.read(Path.of(args[0]), Map.of());
            boolean logfile = config.has(LOGFILE) && !config.getString(LOGFILE).isBlank();
            if (!logfile && System.getProperty(PROVIDER) == null) {
                System.setProperty(PROVIDER, StderrLoggerProvider.class.getName());
                // SLF4J would announce the explicit provider on stderr, i.e. in the server log
                System.setProperty("slf4j.internal.verbosity", "WARN");
            }
            MDC.put("job_name", config.jobName());
            if (logfile) {
                SkyConfigs.createLogDirectories(config);
                LogSetup.apply(LogSettings.from(config, Level.INFO, true));
            }
            WalmgrContext ctx =
                    new WalmgrContext(SkyConfigs.settings(config), false, System.in, System.out, System.err);
            if (args[1].equals("xarchive")) {
                new XArchive(ctx).archive(args[2], args[3]);
                return 0;
            }
            return RestoreDispatch.run(ctx, args[2], args[3], args.length > 4 ? args[4] : null);
        } catch (RuntimeException e) {
            return ErrorReport.report(e, System.err);
        }
    }
}
