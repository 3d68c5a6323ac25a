package org.skytools.pgqd;

import java.time.Duration;
import java.util.List;
import org.skytools.common.config.SkyConfig;
import org.skytools.common.db.ConnectString;

/**
 * The {@code [pgqd]} settings, read once at start and again on each reload.
 *
 * @param jobName the job name, also the connections' application_name
 * @param baseConnstr connect string every database's connect string starts from
 * @param initialDatabase where the database list is read
 * @param databaseList the databases to serve; empty serves every database of the cluster
 * @param syslog syslog output: null when off
 * @param checkPeriod how often to re-list databases and look again for a missing pgq
 * @param tickerPeriod delay between ticks of one database
 * @param retryPeriod delay between retry-queue drains of one database
 * @param maintPeriod delay between maintenance rounds of one database
 * @param statsPeriod how often the counters are logged
 * @param connectionLifetime age at which a ticker connection is replaced
 */
record PgqdSettings(
        String jobName,
        ConnectString baseConnstr,
        String initialDatabase,
        List<String> databaseList,
        SyslogTarget syslog,
        Duration checkPeriod,
        Duration tickerPeriod,
        Duration retryPeriod,
        Duration maintPeriod,
        Duration statsPeriod,
        Duration connectionLifetime) {

    PgqdSettings {
        databaseList = List.copyOf(databaseList);
    }

    /** Reads the settings from a validated config. */
    static PgqdSettings from(SkyConfig config) {
        return new PgqdSettings(
                config.jobName(),
                ConnectString.parse(PgqdKeys.BASE_CONNSTR.get(config)),
                PgqdKeys.INITIAL_DATABASE.get(config),
                PgqdKeys.DATABASE_LIST.get(config),
                PgqdKeys.SYSLOG.get(config)
                        ? new SyslogTarget(
                                PgqdKeys.SYSLOG_IDENT.get(config),
                                PgqdKeys.SYSLOG_FACILITY.get(config),
                                config.has(PgqdKeys.SYSLOG.name()))
                        : null,
                PgqdKeys.CHECK_PERIOD.get(config),
                PgqdKeys.TICKER_PERIOD.get(config),
                PgqdKeys.RETRY_PERIOD.get(config),
                PgqdKeys.MAINT_PERIOD.get(config),
                PgqdKeys.STATS_PERIOD.get(config),
                PgqdKeys.CONNECTION_LIFETIME.get(config));
    }

    /**
     * Where syslog lines go.
     *
     * @param explicit whether the config sets {@code syslog} itself rather than by default
     */
    record SyslogTarget(String ident, String facility, boolean explicit) {}

    /** The connect string of database {@code dbname}: the base with {@code dbname} set, quoted as libpq needs. */
    ConnectString connstr(String dbname) {
        return baseConnstr.with("dbname", dbname);
    }

    /** Whether the databases come from {@code database_list} rather than from the cluster's catalog. */
    boolean listed() {
        return !databaseList.isEmpty();
    }

    /** Whether the workers must be restarted to apply {@code other}: the connect strings differ. */
    boolean connectsDifferently(PgqdSettings other) {
        return !baseConnstr.equals(other.baseConnstr) || !jobName.equals(other.jobName);
    }
}
