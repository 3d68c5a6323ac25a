package org.skytools.common.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.skytools.common.error.SkyToolsException;

/**
 * Sends log lines to syslog through one long-lived {@code logger --prio-prefix} process (util-linux),
 * because the JVM cannot write to the {@code /dev/log} datagram socket itself. Each line goes with
 * its own priority prefix {@code <facility * 8 + severity>}, so levels keep their syslog severity.
 */
final class SyslogPipe extends AppenderBase<ILoggingEvent> {
    private static final Map<String, Integer> FACILITIES = Map.ofEntries(
            Map.entry("kern", 0),
            Map.entry("user", 1),
            Map.entry("mail", 2),
            Map.entry("daemon", 3),
            Map.entry("auth", 4),
            Map.entry("syslog", 5),
            Map.entry("lpr", 6),
            Map.entry("news", 7),
            Map.entry("uucp", 8),
            Map.entry("cron", 9),
            Map.entry("authpriv", 10),
            Map.entry("ftp", 11),
            Map.entry("local0", 16),
            Map.entry("local1", 17),
            Map.entry("local2", 18),
            Map.entry("local3", 19),
            Map.entry("local4", 20),
            Map.entry("local5", 21),
            Map.entry("local6", 22),
            Map.entry("local7", 23));

    private final List<String> command;
    private final int facility;
    private Process process;
    private Writer out;

    /** A pipe into {@code command} (a logger(1) reading prefixed lines on stdin) for {@code facility}. */
    SyslogPipe(List<String> command, int facility) {
        this.command = List.copyOf(command);
        this.facility = facility;
    }

    /** The logger(1) command writing to the local syslog socket as {@code ident[pid]}. */
    static List<String> localCommand(String ident) {
        return List.of(
                "logger",
                "--prio-prefix",
                "-t",
                ident,
                "--id=" + ProcessHandle.current().pid());
    }

    /** The syslog code of a facility name such as {@code daemon} or {@code local3} (case ignored). */
    static int facilityCode(String name) {
        Integer code = FACILITIES.get(name.strip().toLowerCase(Locale.ROOT));
        if (code == null) {
            throw SkyToolsException.config("unknown syslog_facility \"" + name
                    + "\"; use one of daemon, user, local0 ... local7, or another syslog facility name");
        }
        return code;
    }

    static int severity(Level level) {
        if (level.isGreaterOrEqual(Level.ERROR)) {
            return 3;
        }
        if (level.isGreaterOrEqual(Level.WARN)) {
            return 4;
        }
        return level.isGreaterOrEqual(Level.INFO) ? 6 : 7;
    }

    @Override
    public void start() {
        try {
            process = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            addError("cannot start " + command.get(0) + ": " + e.getMessage());
            return;
        }
        out = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        super.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        String prefix = "<" + (facility * 8 + severity(event.getLevel())) + ">";
        StringBuilder text = new StringBuilder(event.getFormattedMessage());
        IThrowableProxy error = event.getThrowableProxy();
        if (error != null) {
            text.append(": ").append(error.getClassName()).append(": ").append(error.getMessage());
        }
        try {
            // logger takes one message per line: a multi-line message becomes several
            for (String line : text.toString().split("\n", -1)) {
                if (!line.isBlank()) {
                    out.write(prefix);
                    out.write(line);
                    out.write('\n');
                }
            }
            out.flush();
        } catch (IOException e) {
            addError("syslog pipe closed: " + e.getMessage());
            stop();
        }
    }

    @Override
    public void stop() {
        super.stop();
        try {
            if (out != null) {
                out.close();
            }
            if (process != null && !process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (IOException e) {
            // logger is gone already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
        }
    }
}
