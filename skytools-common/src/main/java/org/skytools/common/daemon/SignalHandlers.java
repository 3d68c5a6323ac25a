package org.skytools.common.daemon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the daemon does on each signal: SIGHUP reloads before the next loop, SIGINT stops after the
 * current unit of work (a second SIGINT within one second exits at once, code 1), SIGTERM exits
 * at once (code 143). Exiting runs the shutdown hooks, which remove the pidfile.
 */
public final class SignalHandlers {
    private static final Logger log = LoggerFactory.getLogger(SignalHandlers.class);
    static final Duration DOUBLE_INT = Duration.ofSeconds(1);
    /** Exit code after SIGTERM: 128 + 15, as a shell reports a process killed by it. */
    public static final int TERM_EXIT_CODE = 143;

    private final LoopControl control;
    private final Clock clock;
    private final IntConsumer exit;
    private Instant lastInt;

    /**
     * @param control receives stop and reload requests
     * @param clock measures the gap between two SIGINTs
     * @param exit ends the process with a code ({@code System::exit} outside tests)
     */
    public SignalHandlers(LoopControl control, Clock clock, IntConsumer exit) {
        this.control = control;
        this.clock = clock;
        this.exit = exit;
    }

    /** SIGHUP. */
    public void onHup() {
        log.info("got SIGHUP, reloading config");
        control.requestReload();
    }

    /** SIGINT. */
    public synchronized void onInt() {
        Instant now = clock.instant();
        if (lastInt != null && Duration.between(lastInt, now).compareTo(DOUBLE_INT) < 0) {
            log.warn("second SIGINT within 1 s, exiting now");
            exit.accept(1);
            return;
        }
        lastInt = now;
        log.info("got SIGINT, stopping after the current work");
        control.requestStop();
    }

    /** SIGTERM. */
    public void onTerm() {
        log.warn("got SIGTERM, exiting now");
        exit.accept(TERM_EXIT_CODE);
    }
}
