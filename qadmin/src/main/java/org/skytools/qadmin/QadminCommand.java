package org.skytools.qadmin;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.skytools.common.cli.VersionProvider;
import org.skytools.common.db.DbConnector;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.qadmin.console.Console;
import org.skytools.qadmin.exec.Dispatcher;
import org.skytools.qadmin.exec.Output;
import org.skytools.qadmin.exec.Session;
import org.skytools.qadmin.exec.StatementRunner;
import org.skytools.qadmin.lang.StatementParser;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qadmin [-h host] [-p port] [-U user] [-d db] [-Q queue] [-c cmds | -f file]
 * [CONNSTR_OR_DBNAME]}: runs the statements of {@code -c} or {@code -f} and exits with the first
 * failure's code, or opens the interactive console on a terminal. Without a terminal and without
 * {@code -c}/{@code -f}, standard input is read as a script.
 */
@Command(
        name = "qadmin",
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Interactive console for PgQ queues, consumers and londiste tables.")
public final class QadminCommand implements Callable<Integer> {

    @Option(names = "-h", paramLabel = "HOST", description = "database server host or socket directory")
    private String host;

    @Option(names = "-p", paramLabel = "PORT", description = "database server port")
    private String port;

    @Option(names = "-U", paramLabel = "USER", description = "database user name")
    private String user;

    @Option(names = "-d", paramLabel = "DBNAME", description = "database to connect to")
    private String dbname;

    @Option(names = "-Q", paramLabel = "QUEUE", description = "default queue")
    private String queue;

    @ArgGroup(exclusive = true)
    private ScriptSource script;

    @Option(names = "--help", usageHelp = true, description = "show this help and exit")
    private boolean help;

    @Option(
            names = {"-V", "--version"},
            versionHelp = true,
            description = "show the version and exit")
    private boolean version;

    @Parameters(
            arity = "0..1",
            paramLabel = "CONNSTR_OR_DBNAME",
            description = "database name, or libpq connect string (key=value ... or postgresql://...)")
    private String target;

    @Spec
    private CommandSpec spec;

    /** {@code -c} and {@code -f} exclude each other. */
    static final class ScriptSource {
        @Option(
                names = "-c",
                paramLabel = "COMMANDS",
                description = "run these statements and exit; the last \";\" may be left out")
        private String commands;

        @Option(
                names = "-f",
                paramLabel = "FILE",
                description = "run the statements in FILE (\"-\" for standard input) and exit")
        private String file;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String source = readScript();
        try (Session session = Session.open(
                new DbConnector("qadmin"), StartupTarget.connectString(host, port, user, dbname, target), queue)) {
            if (source == null && System.console() == null) {
                source = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (source != null) {
                Output output = new Output(out, err);
                StatementRunner runner =
                        new StatementRunner(new StatementParser(), new Dispatcher(session, output), output);
                StatementRunner.Outcome outcome = runner.run(source, true);
                output.flush();
                return outcome == StatementRunner.Outcome.FAILED ? runner.lastExitCode() : 0;
            }
            try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
                return new Console(terminal, session, home().resolve(".qadmin_history"), Path.of("/etc/hosts")).run();
            }
        }
    }

    private String readScript() {
        if (script == null) {
            return null;
        }
        if (script.commands != null) {
            return script.commands;
        }
        try {
            if (script.file.equals("-")) {
                return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of(script.file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SkyToolsException(
                    ErrorKind.USAGE, "cannot read script file \"" + script.file + "\": " + e.getMessage(), e);
        }
    }

    /** {@code ~} as the shell and readline see it: {@code $HOME} first. */
    private static Path home() {
        String home = System.getenv("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
    }
}
