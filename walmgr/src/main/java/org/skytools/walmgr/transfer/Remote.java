package org.skytools.walmgr.transfer;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ssh and rsync as walmgr uses them: batch-mode ssh with a connect timeout (a dead host fails
 * instead of hanging), and {@code rsync -a --quiet} over the same remote shell. The remote shell is
 * {@code ssh_command} from the config, run through {@code /bin/sh} so that it may carry options.
 */
public final class Remote {
    private static final Logger log = LoggerFactory.getLogger(Remote.class);
    /** rsync's exit code for "some files vanished before they could be transferred". */
    static final int RSYNC_VANISHED = 24;

    private final String sshCommand;
    private final int timeoutSeconds;
    private final boolean compression;

    public Remote(String sshCommand, int timeoutSeconds, boolean compression) {
        this.sshCommand = sshCommand;
        this.timeoutSeconds = timeoutSeconds;
        this.compression = compression;
    }

    private List<String> sshOptions() {
        return List.of(
                "-o", "BatchMode=yes",
                "-o", "ConnectTimeout=" + timeoutSeconds,
                "-o", "StrictHostKeyChecking=accept-new");
    }

    /** The argv that runs a shell command line on {@code host}. */
    public List<String> sshArgv(String host, String remoteCommandLine, boolean withStdin) {
        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", sshCommand + " \"$@\"", "ssh"));
        argv.add(withStdin ? "-T" : "-nT");
        argv.addAll(sshOptions());
        argv.add(host);
        argv.add(remoteCommandLine);
        return argv;
    }

    /** Runs a command line on a host; a timeout of 0 waits as long as the command runs. */
    public Exec.Result ssh(String host, String remoteCommandLine, int timeout, InputStream stdin) {
        log.debug("ssh {}: {}", host, remoteCommandLine);
        return Exec.run(sshArgv(host, remoteCommandLine, stdin != null), Map.of(), timeout, stdin);
    }

    /** The rsync argv with walmgr's standard switches in front of {@code args}. */
    public List<String> rsyncArgv(List<String> args, boolean ioTimeout) {
        List<String> argv = new ArrayList<>(List.of("rsync", "-a", "--quiet"));
        if (compression) {
            argv.add("-z");
        }
        if (ioTimeout) {
            argv.add("--timeout=" + timeoutSeconds);
        }
        argv.add("-e");
        argv.add(sshCommand + " " + String.join(" ", sshOptions()));
        argv.addAll(args);
        return argv;
    }

    /**
     * Runs rsync; exit code 24 (files vanished, normal for a live data directory) counts as
     * success. {@code ioTimeout} bounds the time without data flowing.
     */
    public Exec.Result rsync(List<String> args, boolean ioTimeout) {
        List<String> argv = rsyncArgv(args, ioTimeout);
        log.debug("rsync {}", args);
        Exec.Result r = Exec.run(argv, Map.of(), 0);
        if (r.exitCode() == RSYNC_VANISHED) {
            log.info("some files vanished during rsync, that is fine");
            return new Exec.Result(0, r.stdout(), r.stderr());
        }
        return r;
    }
}
