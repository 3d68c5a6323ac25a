package org.skytools.common.daemon;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The one place that touches {@code sun.misc.Signal} (module jdk.unsupported): it routes HUP, INT
 * and TERM to {@link SignalHandlers} and puts the previous handlers back on {@link #close()}.
 */
public final class Signals implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Signals.class);

    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

    private Signals() {}

    /** Installs the handlers; a signal the JVM refuses (e.g. under -Xrs) is skipped with a warning. */
    public static Signals install(SignalHandlers handlers) {
        Signals signals = new Signals();
        signals.handle("HUP", handlers::onHup);
        signals.handle("INT", handlers::onInt);
        signals.handle("TERM", handlers::onTerm);
        return signals;
    }

    private void handle(String name, Runnable action) {
        try {
            Signal signal = new Signal(name);
            SignalHandler before = Signal.handle(signal, s -> action.run());
            previous.put(signal, before);
            if (before == SignalHandler.SIG_IGN) {
                // the JVM keeps a signal ignored that the process inherited ignored
                log.warn(
                        "SIG{} was ignored when this process started (nohup or a background job?) and stays"
                                + " ignored: the matching control switch cannot reach it",
                        name);
            }
        } catch (IllegalArgumentException e) {
            log.warn("cannot handle SIG{}: {}", name, e.getMessage());
        }
    }

    /** Restores the handlers that were active before {@link #install}. */
    @Override
    public void close() {
        previous.forEach((signal, handler) -> {
            try {
                Signal.handle(signal, handler);
            } catch (IllegalArgumentException e) {
                log.debug("cannot restore SIG{}", signal.getName(), e);
            }
        });
        previous.clear();
    }
}
