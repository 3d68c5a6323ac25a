package org.skytools.walmgr.cli;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.WalmgrKey;
import org.skytools.walmgr.transfer.Exec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon switches of the SkyTools script convention for {@code syncdaemon}: {@code -d}
 * re-launches walmgr detached (new session, standard streams on the null device), {@code -s},
 * {@code -k} and {@code -r} send SIGINT, SIGTERM and SIGHUP to the pid in {@code pidfile}.
 */
final class DaemonControl {
    private static final Logger log = LoggerFactory.getLogger(DaemonControl.class);

    private final WalmgrContext ctx;

    DaemonControl(WalmgrContext ctx) {
        this.ctx = ctx;
    }

    private Path pidfile() {
        return ctx.settings()
                .optionalFile(WalmgrKey.PIDFILE)
                .orElseThrow(() -> SkyToolsException.config(
                        ctx.settings().source() + ": daemon needs pidfile; set the key \"pidfile\""));
    }

    /** Sends a signal to the running daemon; a missing daemon is only a warning. */
    int signal(String signal) {
        Path pidfile = pidfile();
        OptionalLong pid = readPid(pidfile);
        if (pid.isEmpty() || ProcessHandle.of(pid.getAsLong()).isEmpty()) {
            log.warn("no running syncdaemon found through pidfile {}", pidfile);
            return 0;
        }
        Exec.Result r = Exec.run(List.of("kill", "-s", signal, Long.toString(pid.getAsLong())), Map.of(), 30);
        return r.ok() ? 0 : ErrorKind.RUNTIME.exitCode();
    }

    /** Starts this command again in the background, without {@code -d}. */
    int detach(List<String> args) {
        pidfile();
        List<String> argv = new ArrayList<>(List.of("setsid"));
        argv.add(ProcessHandle.current().info().command().orElse("java"));
        argv.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        argv.add("-cp");
        argv.add(System.getProperty("java.class.path"));
        argv.add(org.skytools.walmgr.Main.class.getName());
        args.stream().filter(a -> !a.equals("-d") && !a.equals("--daemon")).forEach(argv::add);
        try {
            new ProcessBuilder(argv)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new SkyToolsException(ErrorKind.RUNTIME, "cannot start the daemon: " + e.getMessage(), e);
        }
        return 0;
    }

    private static OptionalLong readPid(Path pidfile) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(pidfile).strip()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
