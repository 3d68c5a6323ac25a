package org.skytools.common.daemon;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code -d} switch. A JVM cannot fork, so the program is started again: the same java
 * binary, JVM options, class path, main class and arguments, plus the system property {@value
 * #CHILD_PROPERTY}, under {@code setsid} so the daemon has its own session, with stdin and stdout
 * on the null device. The {@code -d} switch stays in the arguments: the property tells the child
 * not to detach again, and {@code -d} tells it to log only to {@code logfile}. A system property
 * rather than an environment variable, so that processes the daemon starts with {@code -d} (copy
 * jobs) detach normally.
 *
 * <p>The parent waits until the child has written the pidfile and passed its start-up ({@link
 * #signalReady}: its script exists), then exits 0; if the child dies
 * first, the parent prints what the child wrote to stderr and exits with the child's code. The
 * child's stderr goes to a temporary file that the parent deletes once the child is up.
 */
public final class Daemonizer {
    private static final Logger log = LoggerFactory.getLogger(Daemonizer.class);

    /** Set on the re-launched JVM. */
    public static final String CHILD_PROPERTY = "skytools.daemon.child";

    /** File the child creates once its script is up (start-up checks passed). */
    public static final String READY_PROPERTY = "skytools.daemon.ready";

    private static final List<String> SETSID = List.of("/usr/bin/setsid", "/bin/setsid");
    private static final String ENV = "/usr/bin/env";
    private static List<String> signalReset;
    private static final Duration POLL = Duration.ofMillis(100);

    private final Duration startTimeout;

    /** @param startTimeout how long the parent waits for the child's pidfile */
    public Daemonizer(Duration startTimeout) {
        this.startTimeout = startTimeout;
    }

    /**
     * Tells the parent that the daemon passed its start-up (the script was created): the parent
     * exits 0 only then, so a daemon that cannot start reports its failure through the parent's
     * exit code. Does nothing outside a re-launched daemon.
     */
    public static void signalReady() {
        String ready = System.getProperty(READY_PROPERTY);
        if (ready == null) {
            return;
        }
        try {
            Files.writeString(Path.of(ready), "ready\n");
        } catch (IOException e) {
            log.warn("cannot tell the starting process that the daemon is up: {}", e.toString());
        }
    }

    /** Whether this JVM is the re-launched daemon. */
    public static boolean isChild() {
        return System.getProperty(CHILD_PROPERTY) != null;
    }

    /**
     * Starts the daemon and waits for its pidfile.
     *
     * @param appArgs the program arguments exactly as this process got them
     * @param pidfile the pidfile the child will write
     * @param err where to copy the child's early error output
     * @return exit code for this (parent) process
     */
    public int detach(List<String> appArgs, Pidfile pidfile, PrintWriter err) {
        Path errors = null;
        Path ready = null;
        try {
            errors = Files.createTempFile("skytools-daemon-", ".err");
            ready = Files.createTempFile("skytools-daemon-", ".ready");
            Files.delete(ready);
            List<String> command = command(appArgs, ready);
            log.debug("starting daemon: {}", command);
            Process child = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errors.toFile())
                    .start();
            return await(child, pidfile, ready, errors, err);
        } catch (IOException e) {
            throw new SkyToolsException(ErrorKind.RUNTIME, "cannot start daemon: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SkyToolsException(ErrorKind.RUNTIME, "interrupted while starting daemon", e);
        } finally {
            deleteQuietly(errors);
            deleteQuietly(ready);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("cannot delete {}", file, e);
        }
    }

    private int await(Process child, Pidfile pidfile, Path ready, Path errors, PrintWriter err)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(startTimeout);
        while (true) {
            OptionalLong pid = Files.exists(ready) ? livePid(pidfile) : OptionalLong.empty();
            if (pid.isPresent()) {
                log.info("daemon started, pid {}", pid.getAsLong());
                return 0;
            }
            if (!child.isAlive()) {
                String output = Files.readString(errors, StandardCharsets.UTF_8).strip();
                if (!output.isEmpty()) {
                    err.println(output);
                    err.flush();
                }
                int code = child.exitValue();
                if (output.isEmpty() && code != 0) {
                    err.println("ERROR: daemon failed to start (exit code " + code + "); see its logfile");
                    err.flush();
                }
                if (code == 0) {
                    throw new SkyToolsException(
                            ErrorKind.RUNTIME, "daemon exited before writing pidfile \"" + pidfile.path() + "\"");
                }
                return code;
            }
            if (Instant.now().isAfter(deadline)) {
                child.destroy();
                throw new SkyToolsException(
                        ErrorKind.RUNTIME,
                        "daemon did not start within " + startTimeout.toSeconds() + " s (pidfile \"" + pidfile.path()
                                + "\") and was stopped; see its logfile");
            }
            child.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static OptionalLong livePid(Pidfile pidfile) {
        try {
            return pidfile.livePid();
        } catch (SkyToolsException e) {
            // the child may be writing it right now
            return OptionalLong.empty();
        }
    }

    /**
     * {@code env --default-signal=HUP,INT,TERM} when this system's env has it (GNU coreutils 8.31
     * and later), else nothing. A process started from {@code nohup} or as a shell's background
     * job has SIGHUP or SIGINT ignored, the child would inherit that, and a JVM never handles a
     * signal that was ignored at its start: {@code -r} and {@code -s} could not reach the daemon.
     */
    static synchronized List<String> signalReset() {
        if (signalReset == null) {
            List<String> reset = List.of(ENV, "--default-signal=HUP,INT,TERM");
            List<String> probe = new ArrayList<>(reset);
            probe.add("true");
            try {
                Process p = new ProcessBuilder(probe)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                boolean ok = p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
                if (!ok) {
                    p.destroyForcibly();
                }
                signalReset = ok ? reset : List.of();
            } catch (IOException e) {
                signalReset = List.of();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
            if (signalReset.isEmpty()) {
                log.debug("{} has no --default-signal: the daemon keeps this process's ignored signals", ENV);
            }
        }
        return signalReset;
    }

    /** The command line of the child. */
    List<String> command(List<String> appArgs) {
        return command(appArgs, null);
    }

    private List<String> command(List<String> appArgs, Path ready) {
        List<String> command = new ArrayList<>();
        SETSID.stream()
                .filter(p -> Files.isExecutable(Path.of(p)))
                .findFirst()
                .ifPresentOrElse(
                        command::add, () -> log.warn("setsid not found; the daemon stays in this terminal session"));
        command.addAll(signalReset());
        ProcessHandle.Info self = ProcessHandle.current().info();
        command.add(self.command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.add("-D" + CHILD_PROPERTY + "=true");
        if (ready != null) {
            command.add("-D" + READY_PROPERTY + "=" + ready);
        }
        command.addAll(launchPrefix(self.arguments(), appArgs));
        command.addAll(appArgs);
        return command;
    }

    /**
     * JVM options and main class (or {@code -jar file}) of this process: taken verbatim from its
     * own command line when the tail of that matches the program arguments, otherwise rebuilt from
     * the runtime's input arguments, class path and {@code sun.java.command}.
     */
    static List<String> launchPrefix(Optional<String[]> ownArguments, List<String> appArgs) {
        if (ownArguments.isPresent()) {
            List<String> argv = Arrays.asList(ownArguments.get());
            int head = argv.size() - appArgs.size();
            if (head > 0 && argv.subList(head, argv.size()).equals(appArgs)) {
                return argv.subList(0, head);
            }
        }
        List<String> prefix =
                new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments());
        String main = System.getProperty("sun.java.command", "").split(" ", 2)[0];
        if (main.endsWith(".jar")) {
            prefix.add("-jar");
        } else {
            prefix.add("-cp");
            prefix.add(System.getProperty("java.class.path"));
        }
        prefix.add(main);
        return prefix;
    }
}
