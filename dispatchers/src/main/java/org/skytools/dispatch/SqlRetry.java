package org.skytools.dispatch;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.skytools.common.config.GenericKeys;
import org.skytools.common.config.SkyConfig;
import org.skytools.common.daemon.Sleeper;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.common.error.SqlErrors;
import org.skytools.pgq.consumer.ConnectionSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SkyTools' {@code execute_with_retry}: a statement that fails with a connection error is run again
 * on a new connection after {@code a + b * n} seconds (capped), at most {@code sql_retry_max_count}
 * times and for {@code sql_retry_max_time}. With {@code sql_retry} off, it runs once.
 */
final class SqlRetry {
    private static final Logger log = LoggerFactory.getLogger(SqlRetry.class);

    /** Work on a connection. */
    @FunctionalInterface
    interface Action<T> {
        T run(Connection conn) throws Exception;
    }

    /** The {@code sql_retry*} settings. */
    record Settings(boolean enabled, int maxCount, Duration maxTime, Duration a, Duration b, Duration cap) {
        static final Settings OFF = new Settings(false, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);

        static Settings from(SkyConfig cf) {
            return new Settings(
                    GenericKeys.SQL_RETRY.get(cf),
                    GenericKeys.SQL_RETRY_MAX_COUNT.get(cf),
                    GenericKeys.SQL_RETRY_MAX_TIME.get(cf),
                    GenericKeys.SQL_RETRY_FORMULA_A.get(cf),
                    GenericKeys.SQL_RETRY_FORMULA_B.get(cf),
                    GenericKeys.SQL_RETRY_FORMULA_CAP.get(cf));
        }

        /** The delay before retry number {@code tried + 1}. */
        Duration delay(int tried) {
            Duration d = a.plus(b.multipliedBy(tried));
            return d.compareTo(cap) > 0 ? cap : d;
        }
    }

    private final Settings settings;
    private final Sleeper sleeper;
    private final Clock clock;

    SqlRetry(Settings settings, Sleeper sleeper, Clock clock) {
        this.settings = settings;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** Runs {@code action} on {@code target}'s connection, retrying connection failures as configured. */
    <T> T run(ConnectionSource target, Action<T> action) throws Exception {
        Instant start = clock.instant();
        int tried = 0;
        while (true) {
            try {
                return action.run(target.connection());
            } catch (Exception e) {
                boolean retriable = SqlErrors.categorize(e) == SqlErrors.Category.RETRIABLE
                        || (e instanceof SkyToolsException s && s.kind() == ErrorKind.DB_CONNECT);
                boolean inTime = Duration.between(start, clock.instant()).compareTo(settings.maxTime()) < 0;
                if (!settings.enabled() || !retriable || tried >= settings.maxCount() || !inTime) {
                    throw e;
                }
                Duration delay = settings.delay(tried);
                tried++;
                log.warn(
                        "statement failed on a connection error: {}; retry {} in {} s",
                        e.getMessage(),
                        tried,
                        delay.toMillis() / 1000.0);
                target.reset();
                sleeper.sleep(delay);
            }
        }
    }
}
