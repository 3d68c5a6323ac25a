package org.skytools.pgqd;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.skytools.common.db.DbConnector;

/**
 * What every database's worker shares: the current settings, the connector, the two thread pools
 * (ticks and retries on one, maintenance rounds on the other, so a long vacuum never delays a
 * tick), the stats counters and the clock.
 */
record WorkerContext(
        Supplier<PgqdSettings> settings,
        DbConnector connector,
        ScheduledExecutorService scheduler,
        ExecutorService maintenance,
        Counters counters,
        Clock clock) {}
