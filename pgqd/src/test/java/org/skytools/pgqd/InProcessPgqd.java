package org.skytools.pgqd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.skytools.common.config.SkyConfig;
import org.skytools.common.daemon.LoopControl;
import org.skytools.common.daemon.ScriptRunner;

/**
 * pgqd run in this JVM through the framework's work loop, the way the command runs it minus
 * signals and pidfile: stop and reload go through the same {@link LoopControl} the signal
 * handlers use.
 */
final class InProcessPgqd implements AutoCloseable {
    private final LoopControl control = new LoopControl();
    private final AtomicReference<PgqdScript> script = new AtomicReference<>();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final Path ini;

    private InProcessPgqd(Path ini) {
        this.ini = ini;
    }

    /** Writes {@code [pgqd]} with {@code body} to {@code ini} and starts pgqd on it. */
    static InProcessPgqd start(Path ini, String body) throws IOException {
        Files.writeString(ini, "[pgqd]\n" + body);
        InProcessPgqd pgqd = new InProcessPgqd(ini);
        SkyConfig config = SkyConfig.load(ini, "pgqd", Map.of());
        PgqdKeys.SCHEMA.validate(config);
        ScriptRunner runner = new ScriptRunner(
                config,
                cf -> {
                    PgqdScript created = new PgqdScript(cf);
                    pgqd.script.set(created);
                    return created;
                },
                pgqd.control,
                pgqd.control,
                Clock.systemUTC(),
                PgqdKeys.SCHEMA::validate,
                false);
        Thread thread = new Thread(
                () -> {
                    try {
                        pgqd.exit.complete(runner.run());
                    } catch (RuntimeException e) {
                        pgqd.exit.completeExceptionally(e);
                    }
                },
                "pgqd-loop");
        thread.setDaemon(true);
        thread.start();
        return pgqd;
    }

    /** Rewrites the config and asks for a reload, as SIGHUP does. */
    void reload(String body) throws IOException {
        Files.writeString(ini, "[pgqd]\n" + body);
        control.requestReload();
    }

    /** The supervisor, once start-up succeeded. */
    Supervisor supervisor() {
        PgqdScript s = script.get();
        return s == null ? null : s.supervisor();
    }

    boolean started() {
        return script.get() != null;
    }

    /** Whether the loop has ended. */
    boolean exited() {
        return exit.isDone();
    }

    /** The exit code, waiting up to {@code timeout}. */
    int awaitExit(Duration timeout) throws Exception {
        return exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks the loop to stop, as SIGINT does. */
    void requestStop() {
        control.requestStop();
    }

    @Override
    public void close() {
        control.requestStop();
        try {
            awaitExit(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("pgqd did not stop: " + e, e);
        }
    }
}
