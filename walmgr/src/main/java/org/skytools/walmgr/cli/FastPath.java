package org.skytools.walmgr.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.IniConfigLoader;
import org.skytools.walmgr.config.WalmgrKey;
import org.skytools.walmgr.config.WalmgrSettings;
import org.skytools.walmgr.master.XArchive;

/**
 * The per-segment commands PostgreSQL starts, {@code CONFIG xarchive %p %f} and {@code CONFIG
 * xrestore %f %p [%r]}, run without building the picocli model of all commands: these processes
 * start once per WAL segment, and start-up time is archiving and replay throughput. Any switch
 * sends the call down the normal path.
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
            WalmgrSettings settings = IniConfigLoader.load(Path.of(args[0]), Map.of());
            settings.optionalFile(WalmgrKey.LOGFILE).ifPresent(LogSetup::logfile);
            WalmgrContext ctx = new WalmgrContext(settings, false, System.in, System.out, System.err);
            if (args[1].equals("xarchive")) {
                new XArchive(ctx).archive(args[2], args[3]);
                return 0;
            }
            return RestoreDispatch.run(ctx, args[2], args[3], args.length > 4 ? args[4] : null);
        } catch (RuntimeException e) {
            return ErrorReport.report(e, System.err, false);
        }
    }
}
