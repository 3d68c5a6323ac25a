package org.skytools.common.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The keys every SkyTools script understands (SkyTools 3 {@code BaseScript} and {@code DBScript}):
 * identity, logging, pidfile, the work loop and error handling. Tools add their own schema with
 * {@link ConfigSchema#plus}.
 */
public final class GenericKeys {

    /** Name of the job in logs; default consumer name. */
    public static final ConfigKey<String> JOB_NAME = ConfigKey.string(SkyConfig.JOB_NAME)
            .withDefaultText("config file base name")
            .withDescription("name of this job in logs; also the default consumer name");

    /** Log file, rotated by size. */
    public static final ConfigKey<Path> LOGFILE = ConfigKey.file("logfile")
            .withExample("~/log/%(job_name)s.log")
            .withDescription("where to log, rotated by size; unset logs to the console only");

    /** Size at which the log file rotates. */
    public static final ConfigKey<Long> LOG_SIZE = ConfigKey.bytes("log_size")
            .withDefault(10L * 1024 * 1024)
            .withValidator(Validator.atLeast(0))
            .withDescription("size at which logfile is rotated (0 = never rotate)");

    /** Rotated log files kept. */
    public static final ConfigKey<Integer> LOG_COUNT = ConfigKey.integer("log_count")
            .withDefault(3)
            .withValidator(Validator.atLeast(0))
            .withDescription("how many rotated log files to keep (0 = never rotate)");

    /** Pidfile, needed for -d, -r, -s and -k. */
    public static final ConfigKey<Path> PIDFILE = ConfigKey.file("pidfile")
            .withExample("~/pid/%(job_name)s.pid")
            .withDescription("where to write the pidfile; needed for -d, -r, -s and -k");

    /** Sleep when work() reports no work. */
    public static final ConfigKey<Duration> LOOP_DELAY = ConfigKey.seconds("loop_delay")
            .withDefault(Duration.ofSeconds(1))
            .withDescription("seconds to sleep when there is no work; 0 exits instead of sleeping,"
                    + "\na negative value runs the work once");

    /** Sleep after an error before retrying. */
    public static final ConfigKey<Duration> EXCEPTION_SLEEP = ConfigKey.seconds("exception_sleep")
            .withDefault(Duration.ofSeconds(20))
            .withValidator(Validator.notNegative())
            .withDescription("seconds to sleep after an error before retrying; repeated connection errors"
                    + "\ndouble it up to 60 seconds (or this value, if larger)");

    /** Exceptions logged as one-line warnings. */
    public static final ConfigKey<List<String>> EXCEPTION_QUIET = ConfigKey.list("exception_quiet")
            .withDefault(List.of())
            .withDescription("exception class names (simple or qualified), or ALL, logged as one-line"
                    + "\nwarnings instead of errors with stack trace");

    /** How long quiet exceptions stay quiet. */
    public static final ConfigKey<Duration> EXCEPTION_GRACE = ConfigKey.seconds("exception_grace")
            .withDefault(Duration.ofSeconds(300))
            .withValidator(Validator.notNegative())
            .withDescription("exception_quiet applies only within this many seconds of the first failure");

    /** When a failure streak is forgotten. */
    public static final ConfigKey<Duration> EXCEPTION_RESET = ConfigKey.seconds("exception_reset")
            .withDefault(Duration.ofSeconds(900))
            .withValidator(Validator.notNegative())
            .withDescription("a failure streak is forgotten after this many seconds without failures");

    /** Idle stats interval. */
    public static final ConfigKey<Duration> KEEPALIVE_STATS = ConfigKey.seconds("keepalive_stats")
            .withDefault(Duration.ofSeconds(300))
            .withDescription("log an {idle: N} stats line when no stats were logged for this long (0 = never)");

    /** Age after which cached connections are closed. */
    public static final ConfigKey<Duration> CONNECTION_LIFETIME = ConfigKey.seconds("connection_lifetime")
            .withDefault(Duration.ofSeconds(1200))
            .withValidator(Validator.notNegative())
            .withDescription("cached database connections older than this are closed after a loop");

    /** Extra connect string text per connection profile. */
    public static final ConfigKey<String> EXTRA_CONNSTR = ConfigKey.string("*_extra_connstr")
            .withDefault("")
            .withDescription("appended to connect strings opened with that profile, e.g."
                    + "\nremote_extra_connstr for connections to other nodes");

    /** Retry of single statements. */
    public static final ConfigKey<Boolean> SQL_RETRY = ConfigKey.bool("sql_retry")
            .withDefault(false)
            .withDescription("retry statements that fail with a connection error, delay = a + b * n, capped");

    /** Maximum statement retries. */
    public static final ConfigKey<Integer> SQL_RETRY_MAX_COUNT = ConfigKey.integer("sql_retry_max_count")
            .withDefault(10)
            .withValidator(Validator.atLeast(0))
            .withDescription("give up a statement after this many retries");

    /** Maximum time spent retrying. */
    public static final ConfigKey<Duration> SQL_RETRY_MAX_TIME = ConfigKey.seconds("sql_retry_max_time")
            .withDefault(Duration.ofSeconds(300))
            .withValidator(Validator.notNegative())
            .withDescription("give up a statement after retrying this many seconds");

    /** Retry delay constant term. */
    public static final ConfigKey<Duration> SQL_RETRY_FORMULA_A = ConfigKey.seconds("sql_retry_formula_a")
            .withDefault(Duration.ofSeconds(1))
            .withDescription("retry delay: constant term a");

    /** Retry delay linear term. */
    public static final ConfigKey<Duration> SQL_RETRY_FORMULA_B = ConfigKey.seconds("sql_retry_formula_b")
            .withDefault(Duration.ofSeconds(5))
            .withDescription("retry delay: factor b of the attempt number");

    /** Retry delay cap. */
    public static final ConfigKey<Duration> SQL_RETRY_FORMULA_CAP = ConfigKey.seconds("sql_retry_formula_cap")
            .withDefault(Duration.ofSeconds(60))
            .withDescription("retry delay: upper limit");

    /** skylog switch, accepted and ignored. */
    public static final ConfigKey<Integer> USE_SKYLOG = ConfigKey.integer("use_skylog")
            .withDefault(0)
            .withDescription("0 off, 1 skylog.ini unless on a terminal, 2 always")
            .ignored("skylog.ini is not read; logs go to the console and to logfile");

    /** skylog search path, accepted and ignored. */
    public static final ConfigKey<List<String>> SKYLOG_LOCATIONS = ConfigKey.list("skylog_locations")
            .withDefaultText("skylog.ini, ~/.skylog.ini, /etc/skylog.ini")
            .withDescription("where skylog.ini is searched")
            .ignored("skylog.ini is not read");

    /** Python logging formats, accepted and ignored. */
    public static final ConfigKey<String> LOGFMT = ConfigKey.string("logfmt_*")
            .withDescription("Python logging formats (logfmt_file, logfmt_console and *_verbose)")
            .ignored("the log line format is fixed: time, pid, level, job name, message");

    /** Python logging date formats, accepted and ignored. */
    public static final ConfigKey<String> LOGDATEFMT = ConfigKey.string("logdatefmt_*")
            .withDescription("Python logging date formats (logdatefmt_file, logdatefmt_console, *_verbose)")
            .ignored("the log time format is fixed");

    /** The generic keys as one schema group. */
    public static final ConfigSchema SCHEMA = ConfigSchema.of(
            "SkyTools script",
            JOB_NAME,
            LOGFILE,
            LOG_SIZE,
            LOG_COUNT,
            PIDFILE,
            LOOP_DELAY,
            EXCEPTION_SLEEP,
            EXCEPTION_QUIET,
            EXCEPTION_GRACE,
            EXCEPTION_RESET,
            KEEPALIVE_STATS,
            CONNECTION_LIFETIME,
            EXTRA_CONNSTR,
            SQL_RETRY,
            SQL_RETRY_MAX_COUNT,
            SQL_RETRY_MAX_TIME,
            SQL_RETRY_FORMULA_A,
            SQL_RETRY_FORMULA_B,
            SQL_RETRY_FORMULA_CAP,
            USE_SKYLOG,
            SKYLOG_LOCATIONS,
            LOGFMT,
            LOGDATEFMT);

    private GenericKeys() {}
}
