package org.skytools.common.daemon;

import java.nio.file.Files;
import java.util.Optional;
import java.util.OptionalLong;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code -r}, {@code -s} and {@code -k} switches: send a signal to the process named in the
 * pidfile. As in SkyTools 3, a missing pidfile or a dead process is only a warning and the
 * command exits 0 (exit code 0, not {@link ErrorKind#NOT_RUNNING}), so stop scripts stay
 * idempotent.
 */
public enum ControlCommand {
    /** {@code -r}: SIGHUP, reload the config before the next loop. */
    RELOAD("HUP"),
    /** {@code -s}: SIGINT, stop after the current unit of work. */
    STOP("INT"),
    /** {@code -k}: SIGTERM, exit at once. */
    KILL("TERM");

    private static final Logger log = LoggerFactory.getLogger(ControlCommand.class);

    private final String signal;

    ControlCommand(String signal) {
        this.signal = signal;
    }

    /** The signal name without the SIG prefix. */
    public String signal() {
        return signal;
    }

    /**
     * Sends the signal to the process in {@code pidfile}.
     *
     * @return the exit code: 0, also when nothing runs (with a warning)
     * @throws SkyToolsException kind RUNTIME if the process lives but the signal fails
     */
    public int send(Optional<Pidfile> pidfile) {
        if (pidfile.isEmpty()) {
            log.warn("no pidfile in config, nothing to do");
            return 0;
        }
        Pidfile file = pidfile.get();
        if (!Files.exists(file.path())) {
            log.warn("no pidfile \"{}\", process not running", file.path());
            return 0;
        }
        OptionalLong pid = file.read();
        if (pid.isEmpty() || !Pidfile.isAlive(pid.getAsLong())) {
            log.warn(
                    "pidfile \"{}\" exists, but process {} is not running",
                    file.path(),
                    pid.isPresent() ? pid.getAsLong() : "(none)");
            return 0;
        }
        if (!Pidfile.signal(pid.getAsLong(), signal)) {
            throw new SkyToolsException(
                    ErrorKind.RUNTIME,
                    "cannot send SIG" + signal + " to process " + pid.getAsLong() + " from pidfile \"" + file.path()
                            + "\"");
        }
        log.info("sent SIG{} to process {}", signal, pid.getAsLong());
        return 0;
    }
}
