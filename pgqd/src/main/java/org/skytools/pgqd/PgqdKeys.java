package org.skytools.pgqd;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.skytools.common.cli.ScriptDefinition;
import org.skytools.common.config.ConfigKey;
import org.skytools.common.config.ConfigSchema;
import org.skytools.common.config.GenericKeys;
import org.skytools.common.config.KeyType;
import org.skytools.common.config.Validator;

/**
 * The keys of the {@code [pgqd]} section: the script keys pgqd uses, then pgqd's own with the
 * defaults of the C pgqd. Validation, {@code --ini} and {@code docs/pgqd.md} derive from these.
 */
final class PgqdKeys {

    /** Database names separated by commas or white space, as the C pgqd's word list. */
    static final KeyType<List<String>> WORDS =
            new KeyType<>("list", (config, key) -> words(config.getString(key)), names -> String.join(", ", names));

    static final ConfigKey<Duration> LOOP_DELAY = ConfigKey.seconds("loop_delay")
            .withDefault(Duration.ofSeconds(1))
            .withValidator(Validator.positive())
            .withDescription("how often the main loop re-reads the database list when check_period is due"
                    + "\nand logs stats when stats_period is due; must be positive");

    static final ConfigKey<String> BASE_CONNSTR = ConfigKey.string("base_connstr")
            .withDefault("")
            .withValidator(Validator.connectString())
            .withDescription("libpq connect string without dbname; dbname='<database>' is added (and wins)"
                    + "\nfor each database, e.g. host=127.0.0.1 port=5432 user=postgres");

    static final ConfigKey<String> INITIAL_DATABASE = ConfigKey.string("initial_database")
            .withDefault("template1")
            .withDescription("database to connect to for listing the databases of the cluster");

    static final ConfigKey<List<String>> DATABASE_LIST = ConfigKey.of("database_list", WORDS)
            .withDefault(List.of())
            .withDescription("databases to serve, separated by commas or spaces; empty serves every"
                    + "\ndatabase of the cluster that allows connections and has PgQ");

    static final ConfigKey<Boolean> SYSLOG = ConfigKey.bool("syslog")
            .withDefault(true)
            .withDescription("also log to the local syslog (/dev/log, through logger(1)); skipped under"
                    + "\nsystemd, whose journal has the console output already");

    static final ConfigKey<String> SYSLOG_IDENT =
            ConfigKey.string("syslog_ident").withDefault("pgqd").withDescription("syslog program name");

    static final ConfigKey<String> SYSLOG_FACILITY = ConfigKey.string("syslog_facility")
            .withDefault("daemon")
            .withValidator(Validator.oneOf(
                    "kern",
                    "user",
                    "mail",
                    "daemon",
                    "auth",
                    "syslog",
                    "lpr",
                    "news",
                    "uucp",
                    "cron",
                    "authpriv",
                    "ftp",
                    "local0",
                    "local1",
                    "local2",
                    "local3",
                    "local4",
                    "local5",
                    "local6",
                    "local7"))
            .withDescription("syslog facility: daemon, user, local0 ... local7, ...");

    static final ConfigKey<Duration> CHECK_PERIOD = ConfigKey.seconds("check_period")
            .withDefault(Duration.ofSeconds(60))
            .withValidator(Validator.positive())
            .withDescription(
                    "how often to re-list the databases, and to look again for PgQ in a database" + "\nthat lacks it");

    static final ConfigKey<Duration> TICKER_PERIOD = ConfigKey.seconds("ticker_period")
            .withDefault(Duration.ofSeconds(1))
            .withValidator(Validator.positive())
            .withDescription("delay between pgq.ticker() calls in each database");

    static final ConfigKey<Duration> RETRY_PERIOD = ConfigKey.seconds("retry_period")
            .withDefault(Duration.ofSeconds(30))
            .withValidator(Validator.positive())
            .withDescription("how often to move due retry events back into their queues");

    static final ConfigKey<Duration> MAINT_PERIOD = ConfigKey.seconds("maint_period")
            .withDefault(Duration.ofSeconds(120))
            .withValidator(Validator.positive())
            .withDescription("how often to run maintenance: table rotation, vacuum, pgq.maint_operations()");

    static final ConfigKey<Duration> STATS_PERIOD = ConfigKey.seconds("stats_period")
            .withDefault(Duration.ofSeconds(30))
            .withValidator(Validator.positive())
            .withDescription("how often to log the {ticks: n, maint: n, retry: n} counters");

    static final ConfigKey<Duration> CONNECTION_LIFETIME = ConfigKey.seconds("connection_lifetime")
            .withDefault(Duration.ofSeconds(3600))
            .withValidator(Validator.positive())
            .withDescription("a ticker connection older than this is closed and opened again");

    static final ConfigSchema SCHEMA = ConfigSchema.of(
                    "SkyTools script",
                    GenericKeys.JOB_NAME,
                    GenericKeys.LOGFILE,
                    GenericKeys.LOG_SIZE,
                    GenericKeys.LOG_COUNT,
                    GenericKeys.PIDFILE,
                    LOOP_DELAY)
            .plus(ConfigSchema.of(
                    "pgqd",
                    BASE_CONNSTR,
                    INITIAL_DATABASE,
                    DATABASE_LIST,
                    SYSLOG,
                    SYSLOG_IDENT,
                    SYSLOG_FACILITY,
                    CHECK_PERIOD,
                    TICKER_PERIOD,
                    RETRY_PERIOD,
                    MAINT_PERIOD,
                    STATS_PERIOD,
                    CONNECTION_LIFETIME));

    static final ScriptDefinition DEFINITION = new ScriptDefinition(List.of("pgqd"), SCHEMA, "", true, false);

    private PgqdKeys() {}

    static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.strip().split("[,\\s]+"))
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
