package org.skytools.walmgr.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J back end of xarchive and xrestore when no {@code logfile} is configured: INFO and
 * above on standard error, in the script framework's line format. Initialising logback costs
 * about a third of such a process's start-up, and PostgreSQL starts one per WAL segment. Chosen
 * through the {@code slf4j.provider} system property before anything logs.
 */
public final class StderrLoggerProvider implements SLF4JServiceProvider {
    private final MDCAdapter mdc = new BasicMDCAdapter();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final ILoggerFactory loggers = new Factory();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // nothing to set up: that is the point
    }

    private static final class Factory implements ILoggerFactory {
        private final Map<String, Logger> loggers = new ConcurrentHashMap<>();

        @Override
        public Logger getLogger(String name) {
            return loggers.computeIfAbsent(name, StderrLogger::new);
        }
    }

    /** One logger: INFO and above, except WARN and above for the JDBC driver. */
    private static final class StderrLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;
        private static final DateTimeFormatter TIME =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS").withZone(ZoneId.systemDefault());
        private static final String PID = Long.toString(ProcessHandle.current().pid());

        private final int threshold;

        StderrLogger(String name) {
            this.name = name;
            this.threshold = name.startsWith("org.postgresql") ? Level.WARN.toInt() : Level.INFO.toInt();
        }

        private boolean enabled(Level level) {
            return level.toInt() >= threshold;
        }

        @Override
        public boolean isTraceEnabled() {
            return enabled(Level.TRACE);
        }

        @Override
        public boolean isDebugEnabled() {
            return enabled(Level.DEBUG);
        }

        @Override
        public boolean isInfoEnabled() {
            return enabled(Level.INFO);
        }

        @Override
        public boolean isWarnEnabled() {
            return enabled(Level.WARN);
        }

        @Override
        public boolean isErrorEnabled() {
            return enabled(Level.ERROR);
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(
                Level level, Marker marker, String pattern, Object[] args, Throwable t) {
            String job = MDC.get("job_name");
            StringBuilder sb = new StringBuilder(128)
                    .append(TIME.format(Instant.now()))
                    .append(' ')
                    .append(PID)
                    .append(' ')
                    .append(level)
                    .append(' ')
                    .append(job == null ? "-" : job)
                    .append(' ')
                    .append(MessageFormatter.basicArrayFormat(pattern, args))
                    .append('\n');
            if (t != null) {
                StringWriter trace = new StringWriter();
                t.printStackTrace(new PrintWriter(trace));
                sb.append(trace);
            }
            PrintStream err = System.err;
            err.print(sb);
            err.flush();
        }
    }
}
