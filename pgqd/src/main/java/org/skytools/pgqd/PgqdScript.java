package org.skytools.pgqd;

import java.time.Clock;
import org.skytools.common.config.SkyConfig;
import org.skytools.common.daemon.Script;
import org.skytools.common.daemon.Stats;

/**
 * pgqd inside the script framework's loop: the {@link Supervisor} does the work on its own
 * threads; each loop lets it re-list databases and hand over the stats when due, a reload passes
 * the new settings on, and the end of the loop (SIGINT, {@code -s}) stops every worker.
 */
final class PgqdScript implements Script {
    private final Supervisor supervisor;

    /** Starts serving; fails when no database can be served. */
    PgqdScript(SkyConfig config) throws InterruptedException {
        this(PgqdSettings.from(config), Clock.systemUTC());
    }

    PgqdScript(PgqdSettings settings, Clock clock) throws InterruptedException {
        this.supervisor = new Supervisor(settings, clock);
        supervisor.start();
    }

    @Override
    public boolean work(Stats stats) {
        supervisor.poll(stats);
        return false;
    }

    @Override
    public void reload(SkyConfig config) {
        supervisor.reload(PgqdSettings.from(config));
    }

    @Override
    public void close() {
        supervisor.close();
    }

    Supervisor supervisor() {
        return supervisor;
    }
}
