package org.skytools.common.daemon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.skytools.common.config.Secrets;
import org.skytools.common.config.SkyConfig;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.common.error.SqlErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The work loop of SkyTools' {@code BaseScript.run}. {@code work()} returning true loops at once;
 * false sleeps {@code loop_delay}, or ends the run when it is 0; a negative {@code loop_delay}
 * runs once. A failure is logged, {@link Script#reset} is called, and the loop sleeps and retries
 * when it loops with a positive {@code loop_delay}; otherwise the run ends with the failure's exit
 * code. Permanent failures (configuration, login refused, schema missing...) always end the run.
 * Stats are logged after every loop; a reload request is served before the next loop.
 */
public final class ScriptRunner {
    private static final Logger log = LoggerFactory.getLogger(ScriptRunner.class);

    private final SkyConfig config;
    private final ScriptFactory factory;
    private final LoopControl control;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Consumer<SkyConfig> reloadCheck;
    private final boolean singleRun;
    private final FailurePolicy failures;
    private final Stats stats = new Stats();
    private RunnerSettings settings;
    private Instant lastStats;

    /**
     * @param config the loaded and validated config
     * @param factory creates the script
     * @param control stop and reload requests (from signals)
     * @param sleeper sleeps between loops; normally {@code control} itself
     * @param clock time source for stats and failure streaks
     * @param reloadCheck validates a reloaded config and applies it outside the script (logging);
     *     throwing keeps the previous config
     * @param singleRun run work() once whatever loop_delay says (admin commands)
     */
    public ScriptRunner(
            SkyConfig config,
            ScriptFactory factory,
            LoopControl control,
            Sleeper sleeper,
            Clock clock,
            Consumer<SkyConfig> reloadCheck,
            boolean singleRun) {
        this.config = config;
        this.factory = factory;
        this.control = control;
        this.sleeper = sleeper;
        this.clock = clock;
        this.reloadCheck = reloadCheck;
        this.singleRun = singleRun;
        this.failures = new FailurePolicy(clock);
    }

    /** Runs the loop until it ends; returns the process exit code. */
    public int run() {
        settings = RunnerSettings.from(config);
        MDC.put("job_name", config.jobName());
        lastStats = clock.instant();
        Script script;
        try {
            script = factory.create(config);
        } catch (Exception e) {
            logFailure(e, false);
            return SqlErrors.kindOf(e).exitCode();
        }
        Daemonizer.signalReady();
        log.info("started");
        try {
            return loop(script);
        } finally {
            close(script);
            log.info("stopped");
        }
    }

    private int loop(Script script) {
        while (true) {
            if (control.takeReloadRequest()) {
                reload(script);
            }
            Outcome outcome = runOnce(script);
            if (outcome.exitCode() >= 0) {
                return outcome.exitCode();
            }
            if (stopping()) {
                return 0;
            }
            if (outcome.sleep() != null) {
                sleeper.sleep(outcome.sleep());
            } else if (!outcome.moreWork()) {
                if (!settings.retriesFailures()) {
                    return 0;
                }
                sleeper.sleep(script.idleDelay(settings.loopDelay()));
            }
            if (stopping()) {
                return 0;
            }
        }
    }

    private boolean stopping() {
        // an interrupted thread cannot sleep, so looping on would spin
        return control.stopRequested() || Thread.currentThread().isInterrupted();
    }

    /** exitCode >= 0 ends the run; sleep non-null means a failure to wait for. */
    private record Outcome(boolean moreWork, Duration sleep, int exitCode) {}

    private Outcome runOnce(Script script) {
        boolean once = singleRun || settings.loopDelay().isNegative();
        try {
            boolean more = script.work(stats);
            failures.onSuccess();
            sendStats();
            return new Outcome(more, null, once ? 0 : -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.info("interrupted, stopping");
            return new Outcome(false, null, 0);
        } catch (Exception e) {
            sendStats();
            reset(script);
            ErrorKind kind = SqlErrors.kindOf(e);
            boolean permanent = kind.isPermanent() || SqlErrors.categorize(e) == SqlErrors.Category.PERMANENT;
            if (permanent || once || !settings.retriesFailures()) {
                logFailure(e, false);
                return new Outcome(false, null, kind.exitCode());
            }
            FailurePolicy.Decision decision = failures.onFailure(e, settings);
            logFailure(e, decision.quiet());
            if (decision.attempt() > 0) {
                log.warn("waiting {} s and retrying, attempt {}", seconds(decision.sleep()), decision.attempt());
            }
            return new Outcome(false, decision.sleep(), -1);
        }
    }

    private void reload(Script script) {
        try {
            config.reload(reloadCheck);
            settings = RunnerSettings.from(config);
            MDC.put("job_name", config.jobName());
            script.reload(config);
            log.info("config reloaded");
        } catch (Exception e) {
            log.error("config reload failed, keeping the previous config: {}", message(e));
        }
    }

    private void sendStats() {
        Instant now = clock.instant();
        if (!stats.isEmpty()) {
            log.info("{}", stats.render());
            stats.clear();
            lastStats = now;
            return;
        }
        Duration idle = Duration.between(lastStats, now);
        Duration keepalive = settings.keepaliveStats();
        if (!keepalive.isZero() && !keepalive.isNegative() && idle.compareTo(keepalive) >= 0) {
            log.info("{idle: {}}", idle.toSeconds());
            lastStats = now;
        }
    }

    private void logFailure(Exception e, boolean quiet) {
        SqlErrors.Category category = SqlErrors.categorize(e);
        if (quiet) {
            log.warn("failed: {}", message(e));
        } else if (e instanceof SkyToolsException || category == SqlErrors.Category.DOMAIN) {
            // written for people already; the trace helps only when debugging
            log.error("failed: {}", message(e));
            log.debug("failure detail", e);
        } else if (category == SqlErrors.Category.RETRIABLE || category == SqlErrors.Category.PERMANENT) {
            log.error(
                    "failed: {} (SQLSTATE {})",
                    message(e),
                    SqlErrors.sqlState(e).orElse(""));
            log.debug("failure detail", e);
        } else {
            log.error("crashed: {}", message(e), e);
        }
    }

    private static String message(Throwable e) {
        return Secrets.mask(SqlErrors.userMessage(e));
    }

    private void reset(Script script) {
        try {
            script.reset();
        } catch (RuntimeException e) {
            log.warn("reset after failure failed: {}", message(e), e);
        }
    }

    private static void close(Script script) {
        try {
            script.close();
        } catch (Exception e) {
            log.warn("closing failed: {}", message(e), e);
        }
    }

    private static String seconds(Duration d) {
        return Double.toString(d.toMillis() / 1000.0);
    }
}
