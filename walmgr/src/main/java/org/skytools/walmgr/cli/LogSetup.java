package org.skytools.walmgr.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Logging of the walmgr executable, set up in code: a logback configurator found through the
 * service loader puts INFO lines on standard error (PostgreSQL collects archive_command and
 * restore_command output into its log), so no XML is parsed at start-up. The command line and
 * config then adjust the level ({@code -v}, {@code -q}) and add the {@code logfile}.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext lc) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(lc);
        console.setName("console");
        console.setTarget("System.err");
        console.setEncoder(encoder(lc));
        console.start();
        Logger root = lc.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        // pgjdbc logs through java.util.logging; keep its chatter out
        lc.getLogger("org.postgresql").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static LayoutWrappingEncoder<ILoggingEvent> encoder(LoggerContext lc) {
        SkyLogLayout layout = new SkyLogLayout();
        layout.setContext(lc);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> enc = new LayoutWrappingEncoder<>();
        enc.setContext(lc);
        enc.setLayout(layout);
        enc.start();
        return enc;
    }

    /** Sets the level from {@code -v} (DEBUG, twice TRACE) and {@code -q} (WARN). */
    public static void level(int verbose, boolean quiet) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext lc)) {
            return;
        }
        Level level = quiet ? Level.WARN : verbose >= 2 ? Level.TRACE : verbose == 1 ? Level.DEBUG : Level.INFO;
        lc.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(level);
        lc.getLoggerList().stream()
                .filter(l -> l.getAppender("console") != null)
                .forEach(l -> {
                    if (l.getAppender("console") instanceof ConsoleAppender<ILoggingEvent> c
                            && c.getEncoder() instanceof LayoutWrappingEncoder<ILoggingEvent> e
                            && e.getLayout() instanceof SkyLogLayout s) {
                        s.setWithStackTraces(verbose > 0);
                    }
                });
    }

    /** Adds the config's {@code logfile}, creating its directory; a failure only warns. */
    public static void logfile(Path file) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext lc)) {
            return;
        }
        Logger root = lc.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender("file") != null) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            LoggerFactory.getLogger(LogSetup.class)
                    .warn("cannot create log directory for {}: {}", file, e.getMessage());
            return;
        }
        FileAppender<ILoggingEvent> fa = new FileAppender<>();
        fa.setContext(lc);
        fa.setName("file");
        fa.setFile(file.toString());
        fa.setAppend(true);
        fa.setEncoder(encoder(lc));
        fa.start();
        root.addAppender(fa);
    }
}
