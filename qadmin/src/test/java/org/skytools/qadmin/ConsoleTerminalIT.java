package org.skytools.qadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/**
 * The interactive console in a real terminal (tmux): tab completion of keywords and queue names,
 * errors with a caret, continuation lines, history in {@code ~/.qadmin_history}, and leaving
 * with {@code \q} and ^D.
 */
@PgTest(template = PgqTemplate.class)
@Timeout(180)
class ConsoleTerminalIT {
    private static final Path TMUX = Path.of("/usr/bin/tmux");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Tmux tmux;

    @BeforeEach
    void needsTmux() {
        assumeTrue(Files.isExecutable(TMUX), "tmux is not installed");
        tmux = new Tmux("qadmin-test-" + ProcessHandle.current().pid());
    }

    @AfterEach
    void stopTmux() {
        if (tmux != null) {
            tmux.close();
        }
    }

    /** A launcher like the packaged one, over this test's class path, with HOME in the temp dir. */
    private Path launcher() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path script = dir.resolve("qadmin");
        Files.writeString(
                script,
                "#!/bin/sh\n"
                        + "HOME='" + dir + "'; export HOME\n"
                        + "exec '" + java + "' -cp '" + System.getProperty("java.class.path")
                        + "' org.skytools.qadmin.Main \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private String startConsole(TestDatabase db) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher().toString()));
        command.addAll(List.of(
                "-h",
                db.cluster().host(),
                "-p",
                "" + db.cluster().port(),
                "-U",
                db.cluster().superuser(),
                db.name()));
        tmux.start(160, 50, command);
        String prompt = "(noqueue)@" + db.name() + ">";
        await().atMost(WAIT).until(() -> tmux.screen().contains(prompt));
        return prompt;
    }

    private static String lastLine(String screen) {
        List<String> lines = screen.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    @Test
    void tabCompletesKeywordsAndQueueNames(TestDatabase db) throws Exception {
        db.execute("select pgq.create_queue('alpha_q')");
        db.execute("select pgq.create_queue('beta_q')");
        String prompt = startConsole(db);

        tmux.type("sho");
        tmux.key("Tab");
        await().atMost(WAIT).until(() -> lastLine(tmux.screen()).equals(prompt + " show"));

        tmux.type("queue ");
        tmux.key("Tab");
        await().atMost(WAIT).until(() -> {
            String screen = tmux.screen();
            return screen.contains("alpha_q") && screen.contains("beta_q");
        });

        tmux.type("al");
        tmux.key("Tab");
        await().atMost(WAIT).until(() -> tmux.screen().contains(prompt + " show queue alpha_q"));

        tmux.type(";");
        tmux.key("Enter");
        await().atMost(WAIT).until(() -> tmux.screen().contains("(1 row)"));
        assertThat(tmux.screen()).contains("Queue \"alpha_q\":").doesNotContain(" beta_q ");

        tmux.type("\\q");
        tmux.key("Enter");
        await().atMost(WAIT).until(() -> !tmux.alive());
        // completion put a blank after the name
        assertThat(Files.readAllLines(dir.resolve(".qadmin_history"))).contains("show queue alpha_q ;");
    }

    @Test
    void errorsPointAtTheWordAndOpenStatementsContinue(TestDatabase db) throws Exception {
        String prompt = startConsole(db);

        tmux.type("show foo;");
        tmux.key("Enter");
        await().atMost(WAIT).until(() -> tmux.screen().contains("ERROR: syntax error at \"foo\""));
        List<String> lines = tmux.screen().lines().toList();
        int at = lines.indexOf("LINE 1: show foo;");
        assertThat(at).as(tmux.screen()).isPositive();
        assertThat(lines.get(at + 1)).isEqualTo("             ^");

        // an unfinished statement continues on the next line, as in psql
        tmux.type("create queue");
        tmux.key("Enter");
        await().atMost(WAIT).until(() -> lastLine(tmux.screen()).endsWith("->"));
        tmux.type("gamma_q;");
        tmux.key("Enter");
        await().atMost(WAIT).until(() -> tmux.screen().contains("CREATE"));
        assertThat(db.queryValue("select count(*) from pgq.queue where queue_name = 'gamma_q'", Long.class))
                .isEqualTo(1L);

        tmux.type("connect queue=gam");
        tmux.key("Tab");
        await().atMost(WAIT).until(() -> lastLine(tmux.screen()).endsWith("connect queue=gamma_q"));
        tmux.type(";");
        tmux.key("Enter");
        await().atMost(WAIT).until(() -> tmux.screen().contains("gamma_q@" + db.name() + ">"));
        assertThat(prompt).startsWith("(noqueue)@");

        tmux.key("C-d");
        await().atMost(WAIT).until(() -> !tmux.alive());
    }

    @Test
    void controlCCancelsTheRunningStatementAndTheConsoleGoesOn(TestDatabase db) throws Exception {
        String prompt = startConsole(db);
        tmux.type("select pg_sleep(60);");
        tmux.key("Enter");
        await().atMost(WAIT)
                .until(() -> db.queryValue(
                                "select count(*) from pg_stat_activity where query like 'select pg_sleep%'", Long.class)
                        == 1L);
        tmux.key("C-c");
        await().atMost(WAIT).until(() -> tmux.screen().contains("ERROR: canceling statement due to user request"));
        await().atMost(WAIT).until(() -> lastLine(tmux.screen()).equals(prompt));
        tmux.type("exit;");
        tmux.key("Enter");
        await().atMost(WAIT).until(() -> !tmux.alive());
    }

    @Test
    void withoutATerminalStandardInputIsReadAsAScript(TestDatabase db) throws Exception {
        Process p = new ProcessBuilder(
                        launcher().toString(),
                        "-h",
                        db.cluster().host(),
                        "-p",
                        "" + db.cluster().port(),
                        "-U",
                        db.cluster().superuser(),
                        db.name())
                .redirectErrorStream(true)
                .start();
        try (OutputStream in = p.getOutputStream()) {
            in.write("create queue piped;\nshow queue piped;\n".getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).startsWith("CREATE\nQueue \"piped\":");
    }
}
