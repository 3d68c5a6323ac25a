package org.skytools.londiste.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.skytools.londiste.Main;
import org.skytools.testkit.PgCluster;

/** Config files and processes of londiste nodes in tests: admin commands in-process, workers forked. */
final class Nodes {
    private final Path dir;
    private final List<Process> workers = new ArrayList<>();

    Nodes(Path dir) {
        this.dir = dir;
    }

    /** Writes {@code <job>.ini} for a node in {@code db} of {@code cluster} (queue {@code replq} unless an extra line names it). */
    Path config(String job, PgCluster cluster, String db, String... extra) throws IOException {
        StringBuilder ini = new StringBuilder("[londiste3]\n")
                .append("job_name = ")
                .append(job)
                .append('\n')
                .append("db = ")
                .append(cluster.connString(db))
                .append('\n')
                .append(
                        java.util.Arrays.stream(extra).anyMatch(l -> l.startsWith("queue_name"))
                                ? ""
                                : "queue_name = replq\n")
                .append("loop_delay = 0.1\n")
                .append("logfile = ")
                .append(dir.resolve(job + ".log"))
                .append('\n')
                .append("pidfile = ")
                .append(dir.resolve(job + ".pid"))
                .append('\n');
        for (String line : extra) {
            ini.append(line).append('\n');
        }
        Path file = dir.resolve(job + ".ini");
        Files.writeString(file, ini.toString());
        return file;
    }

    /** Runs a londiste command in this JVM; returns its exit code. */
    static int run(Path ini, String... args) {
        List<String> all = new ArrayList<>();
        all.add(ini.toString());
        all.addAll(List.of(args));
        return Main.execute(all.toArray(String[]::new));
    }

    /** What a londiste command run in this JVM printed on stdout, with its exit code. */
    record Output(int code, String text) {}

    static Output output(Path ini, String... args) {
        return captured(false, ini, args);
    }

    /**
     * Runs a londiste command in this JVM that must fail; returns what it printed on stderr (its
     * {@code ERROR:} line). Fails when the command exits zero.
     */
    static String runFailing(Path ini, String... args) {
        Output err = captured(true, ini, args);
        if (err.code() == 0) {
            throw new AssertionError("londiste " + String.join(" ", args) + " exited 0; stderr: " + err.text());
        }
        return err.text();
    }

    // runs the command with stdout or stderr going into a buffer; one capture at a time
    private static Output captured(boolean stderr, Path ini, String... args) {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        java.io.PrintStream into = new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8);
        int code;
        synchronized (Nodes.class) {
            java.io.PrintStream saved = stderr ? System.err : System.out;
            if (stderr) {
                System.setErr(into);
            } else {
                System.setOut(into);
            }
            try {
                code = run(ini, args);
            } finally {
                if (stderr) {
                    System.setErr(saved);
                } else {
                    System.setOut(saved);
                }
            }
        }
        return new Output(code, buf.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Starts {@code londiste INI worker} in a child JVM (not detached, so it can be killed). */
    Process startWorker(Path ini) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.add(ini.toString());
        command.add("worker");
        Path out = dir.resolve(ini.getFileName() + ".out");
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                .start();
        workers.add(p);
        return p;
    }

    /** Runs a londiste command in a child JVM whose current directory is {@code cwd}; returns its exit code. */
    int runIn(Path cwd, Path ini, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.add(ini.toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .directory(cwd.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("commands.out").toFile()))
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("londiste " + String.join(" ", args) + " did not end");
        }
        return p.exitValue();
    }

    /** kill -9 of a worker, waiting until it is gone. */
    static void kill(Process p) throws InterruptedException {
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops a worker as a service stop would (SIGTERM), with kill -9 after 10 s. */
    static void stop(Process p) throws InterruptedException {
        if (p.isAlive()) {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                kill(p);
            }
        }
    }

    /** Stops every worker still running. */
    void stopAll() throws InterruptedException {
        for (Process p : workers) {
            stop(p);
        }
    }

    /** The worker log of {@code job}, for failure messages. */
    String log(String job) throws IOException {
        Path f = dir.resolve(job + ".log");
        return Files.exists(f) ? Files.readString(f) : "(no log)";
    }
}
