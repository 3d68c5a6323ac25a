package org.skytools.common.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Files;
import java.nio.file.Path;
import org.skytools.common.error.SkyToolsException;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Configures Logback in code, so tools need no logback.xml: a stderr console appender and, with
 * {@code logfile}, a file rotated by size like Python's RotatingFileHandler ({@code job.log},
 * {@code job.log.1} ... {@code job.log.<log_count>}). Calling it again (on reload) replaces the
 * previous set-up. Lines read {@code 2024-05-01 12:00:00,123 4242 INFO job_name message}: the
 * SkyTools format plus the job name, taken from the MDC key {@code job_name} when set.
 */
public final class LogSetup {
    /** Logback keeps at most this many rotated files. */
    static final int MAX_LOG_COUNT = 20;

    private LogSetup() {}

    /** Applies {@code settings}; does nothing when SLF4J is not bound to Logback. */
    public static void apply(LogSettings settings) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return;
        }
        if (settings.logfile() != null) {
            checkDirectory(settings.logfile());
        }
        context.reset();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Level level = Level.toLevel(settings.level().name());
        root.setLevel(level);
        if (!level.isGreaterOrEqual(Level.INFO) && level != Level.TRACE) {
            // driver and pool debug output drowns our own at -v; -vv shows it
            context.getLogger("org.postgresql").setLevel(Level.INFO);
            context.getLogger("com.zaxxer.hikari").setLevel(Level.INFO);
        }
        String pattern = pattern(settings.jobName());
        if (settings.console()) {
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setTarget("System.err");
            start(context, root, console, "console", pattern);
        }
        if (settings.logfile() != null) {
            start(context, root, fileAppender(context, settings), "logfile", pattern);
        }
    }

    /**
     * Adds syslog to the set-up made by {@link #apply} (which drops it again): lines go to the local
     * syslog as {@code ident[pid]} under {@code facility}, with their level as severity. Returns
     * false, changing nothing, when this host has no syslog socket ({@code /dev/log}) or logger(1)
     * cannot run.
     *
     * @throws SkyToolsException for an unknown facility name
     */
    public static boolean addSyslog(String ident, String facility) {
        int code = SyslogPipe.facilityCode(facility);
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context) || !Files.exists(Path.of("/dev/log"))) {
            return false;
        }
        return attach(context, new SyslogPipe(SyslogPipe.localCommand(ident), code));
    }

    static boolean attach(LoggerContext context, SyslogPipe pipe) {
        pipe.setContext(context);
        pipe.setName("syslog");
        pipe.start();
        if (!pipe.isStarted()) {
            return false;
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        var previous = root.getAppender("syslog");
        if (previous != null) {
            root.detachAppender(previous);
            previous.stop();
        }
        root.addAppender(pipe);
        return true;
    }

    static String pattern(String jobName) {
        String job = jobName == null ? "-" : jobName.replaceAll("[^A-Za-z0-9._@+/-]", "_");
        return "%d{\"yyyy-MM-dd HH:mm:ss,SSS\"} " + ProcessHandle.current().pid() + " %level %X{job_name:-" + job
                + "} %msg%n";
    }

    private static FileAppender<ILoggingEvent> fileAppender(LoggerContext context, LogSettings settings) {
        String file = settings.logfile().toString();
        if (settings.logSize() <= 0 || settings.logCount() <= 0) {
            FileAppender<ILoggingEvent> plain = new FileAppender<>();
            plain.setFile(file);
            plain.setAppend(true);
            return plain;
        }
        RollingFileAppender<ILoggingEvent> rolling = new RollingFileAppender<>();
        rolling.setFile(file);
        rolling.setAppend(true);
        FixedWindowRollingPolicy policy = new FixedWindowRollingPolicy();
        policy.setContext(context);
        policy.setParent(rolling);
        policy.setFileNamePattern(file.replace("%", "\\%") + ".%i");
        policy.setMinIndex(1);
        int count = Math.min(settings.logCount(), MAX_LOG_COUNT);
        if (count < settings.logCount()) {
            LoggerFactory.getLogger(LogSetup.class).warn("log_count {} lowered to {}", settings.logCount(), count);
        }
        policy.setMaxIndex(count);
        policy.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(new FileSize(settings.logSize()));
        // check the size on every line, as Python's RotatingFileHandler did; logback's default
        // looks only once a minute and lets a busy log overshoot log_size
        trigger.setCheckIncrement(Duration.buildByMilliseconds(0));
        trigger.start();
        rolling.setRollingPolicy(policy);
        rolling.setTriggeringPolicy(trigger);
        return rolling;
    }

    private static void start(
            LoggerContext context,
            Logger root,
            OutputStreamAppender<ILoggingEvent> appender,
            String name,
            String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        appender.setContext(context);
        appender.setName(name);
        appender.setEncoder(encoder);
        appender.start();
        if (!appender.isStarted()) {
            throw SkyToolsException.config("cannot open log " + name
                    + (appender instanceof FileAppender<?> f ? " \"" + f.getFile() + "\"; check 'logfile'" : ""));
        }
        root.addAppender(appender);
    }

    private static void checkDirectory(Path logfile) {
        Path dir = logfile.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw SkyToolsException.config(
                    "logfile directory \"" + dir + "\" does not exist; create it or" + " change 'logfile'");
        }
    }
}
