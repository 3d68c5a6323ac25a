package org.skytools.qadmin.console;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.postgresql.PGConnection;
import org.skytools.common.cli.VersionProvider;
import org.skytools.qadmin.exec.Dispatcher;
import org.skytools.qadmin.exec.Output;
import org.skytools.qadmin.exec.Session;
import org.skytools.qadmin.exec.StatementRunner;
import org.skytools.qadmin.lang.StatementParser;

/**
 * The interactive loop: prompt {@code <queue>@<db>> }, line editing and history in {@code
 * ~/.qadmin_history}, grammar-driven tab completion; ^C clears the line and ^D or {@code exit;}
 * or {@code \q} leaves. An error is reported and the loop goes on.
 */
public final class Console {
    private final Terminal terminal;
    private final Session session;
    private final Path historyFile;
    private final Path hostsFile;
    private final AtomicBoolean running = new AtomicBoolean();

    public Console(Terminal terminal, Session session, Path historyFile, Path hostsFile) {
        this.terminal = terminal;
        this.session = session;
        this.historyFile = historyFile;
        this.hostsFile = hostsFile;
    }

    /** Runs until the user leaves; returns the exit code 0. */
    public int run() {
        PrintWriter writer = terminal.writer();
        Output out = new Output(writer, writer);
        StatementParser parser = new StatementParser();
        StatementRunner runner = new StatementRunner(parser, new Dispatcher(session, out), out);
        NameLookup names = new NameLookup(session, hostsFile);
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("qadmin")
                .parser(new LineParser(parser))
                .completer(new StatementCompleter(parser, names))
                .history(new SecretFreeHistory())
                .variable(LineReader.HISTORY_FILE, historyFile)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.CASE_INSENSITIVE, true)
                .option(LineReader.Option.HISTORY_TIMESTAMPED, false)
                .option(LineReader.Option.GROUP, false)
                .build();
        // ^C while a statement runs cancels it on the server, as in psql; at the prompt JLine
        // turns it into clearing the line
        terminal.handle(Terminal.Signal.INT, signal -> cancelRunning());
        writer.println("Welcome to qadmin " + VersionProvider.productVersion() + " (server " + session.serverVersion()
                + "), the PgQ interactive terminal.");
        writer.println("Use 'show help;' to see available commands.");
        writer.flush();
        try {
            loop(reader, runner, names);
        } finally {
            try {
                reader.getHistory().save();
            } catch (IOException e) {
                writer.println("WARNING: cannot save history to " + historyFile + ": " + e.getMessage());
            }
            writer.flush();
        }
        return 0;
    }

    private void cancelRunning() {
        if (!running.get()) {
            return;
        }
        try {
            session.connection().unwrap(PGConnection.class).cancelQuery();
        } catch (SQLException e) {
            terminal.writer().println("WARNING: cannot cancel the statement: " + e.getMessage());
        }
    }

    private void loop(LineReader reader, StatementRunner runner, NameLookup names) {
        while (true) {
            String prompt = session.toString();
            reader.setVariable(
                    LineReader.SECONDARY_PROMPT_PATTERN, " ".repeat(Math.max(0, prompt.length() - 1)) + "-> ");
            String line;
            try {
                line = reader.readLine(prompt + "> ");
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                terminal.writer().println();
                return;
            } catch (UncheckedIOException e) {
                return;
            }
            running.set(true);
            StatementRunner.Outcome outcome;
            try {
                outcome = runner.run(line, false);
            } finally {
                running.set(false);
            }
            names.invalidate();
            if (outcome == StatementRunner.Outcome.EXIT) {
                return;
            }
        }
    }
}
