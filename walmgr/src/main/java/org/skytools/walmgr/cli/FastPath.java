package org.skytools.walmgr.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.skytools.common.config.GenericKeys;
import org.skytools.common.config.SkyConfig;
import org.skytools.common.log.LogSettings;
import org.skytools.common.log.LogSetup;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.SkyConfigs;
import org.skytools.walmgr.config.WalmgrSchema;
import org.skytools.walmgr.master.XArchive;
import org.slf4j.MDC;
import org.slf4j.event.Level;

/**
 * The per-segment commands PostgreSQL starts, {@code CONFIG xarchive %p %f} and {@code CONFIG
 * xrestore %f %p [%r]}, run without building the picocli model of all commands and without
 * compiling a log pattern unless a {@code logfile} is configured: these processes start once per
 * WAL segment, and start-up time is archiving and replay throughput. Any switch sends the call
 * down the normal path.
 */
public final class FastPath {
    private static final Set<String> COMMANDS = Set.of("xarchive", "xrestore");

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
            SkyConfig config = SkyConfigs.read(Path.of(args[0]), Map.of());
            MDC.put("job_name", config.jobName());
            if (GenericKeys.LOGFILE.find(config).isPresent()) {
                SkyConfigs.createLogDirectories(config);
                LogSetup.apply(LogSettings.from(config, Level.INFO, true));
            }
            WalmgrContext ctx =
                    new WalmgrContext(WalmgrSchema.settings(config), false, System.in, System.out, System.err);
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
