package org.skytools.common.log;

import java.nio.file.Path;
import org.skytools.common.config.GenericKeys;
import org.skytools.common.config.SkyConfig;
import org.slf4j.event.Level;

/**
 * What {@link LogSetup} builds: level, console on or off, and the rotating log file.
 *
 * @param jobName shown in every line (unless the MDC names another job)
 * @param level root level chosen by {@code -q} / {@code -v}
 * @param console whether to log to stderr (off in a daemon, whose stderr is gone)
 * @param logfile file to log to, or null
 * @param logSize rotate when the file reaches this size; 0 never rotates
 * @param logCount rotated files kept; 0 never rotates
 */
public record LogSettings(String jobName, Level level, boolean console, Path logfile, long logSize, int logCount) {

    /** Console-only settings used before the config is read. */
    public static LogSettings console(String jobName, Level level, boolean console) {
        return new LogSettings(jobName, level, console, null, 0, 0);
    }

    /** Settings from the generic keys {@code logfile}, {@code log_size}, {@code log_count}. */
    public static LogSettings from(SkyConfig config, Level level, boolean console) {
        return new LogSettings(
                config.jobName(),
                level,
                console,
                GenericKeys.LOGFILE.get(config),
                GenericKeys.LOG_SIZE.get(config),
                GenericKeys.LOG_COUNT.get(config));
    }

    /** The level for {@code -q} and a count of {@code -v}: WARN, INFO, DEBUG, TRACE; -v beats -q. */
    public static Level levelFor(boolean quiet, int verbose) {
        if (verbose >= 2) {
            return Level.TRACE;
        }
        if (verbose == 1) {
            return Level.DEBUG;
        }
        return quiet ? Level.WARN : Level.INFO;
    }
}
