package org.skytools.pgqd;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects the log lines of {@code org.skytools} as "LEVEL message" while open. */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final Logger logger = (Logger) LoggerFactory.getLogger("org.skytools");
    private final List<String> lines = new ArrayList<>();

    LogCapture() {
        setContext(logger.getLoggerContext());
        setName("capture");
        start();
        logger.addAppender(this);
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        lines.add(event.getLevel() + " " + event.getFormattedMessage());
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Every captured line, one per line. */
    synchronized String text() {
        return String.join("\n", lines);
    }

    boolean contains(String text) {
        return lines().stream().anyMatch(l -> l.contains(text));
    }

    long count(String text) {
        return lines().stream().filter(l -> l.contains(text)).count();
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        stop();
    }
}
