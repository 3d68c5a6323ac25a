package org.skytools.pgqd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skytools.common.cli.ScriptCommandLine;
import org.skytools.common.config.SkyConfig;
import org.skytools.common.error.ErrorKind;
import picocli.CommandLine;

/** The command line without a database (T-7: version, --ini; config errors). */
class PgqdCommandTest {
    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = ScriptCommandLine.create(new PgqdCommand());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int code = line.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void t7_versionSaysVersionAsTheCPgqdDid() {
        Result result = run("-V");
        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("pgqd version ").contains("SkyTools for Java");
    }

    @Test
    void t7_iniPrintsASampleWithEveryKeyThatLoadsAndValidates() throws IOException {
        Result result = run("--ini");
        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("[pgqd]\n");
        for (String key : List.of(
                "logfile",
                "pidfile",
                "base_connstr",
                "initial_database",
                "database_list",
                "syslog",
                "syslog_ident",
                "syslog_facility",
                "check_period",
                "ticker_period",
                "retry_period",
                "maint_period",
                "stats_period",
                "connection_lifetime")) {
            assertThat(result.out()).as(key).containsPattern("(?m)^#?" + key + " =");
        }
        assertThat(result.out()).contains("#connection_lifetime = 3600.0");

        Path sample = dir.resolve("sample.ini");
        Files.writeString(sample, result.out());
        SkyConfig config = SkyConfig.load(sample, "pgqd", Map.of());
        PgqdKeys.SCHEMA.validate(config);
        assertThat(PgqdKeys.SCHEMA.unknownKeyWarnings(config)).isEmpty();
    }

    @Test
    void helpListsTheSharedSwitches() {
        Result result = run("-h");
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("pgqd", "-d, --daemon", "-s, --stop", "-k, --kill", "-r, --reload", "--ini");
    }

    @Test
    void aMissingConfigFileIsAUsageError() {
        Result result = run();
        assertThat(result.code()).isEqualTo(ErrorKind.USAGE.exitCode());
        assertThat(result.err()).contains("missing config file");
    }

    @Test
    void aBadPeriodIsAConfigErrorNamingTheKey() throws IOException {
        Path ini = dir.resolve("bad.ini");
        Files.writeString(ini, "[pgqd]\nticker_period = fast\n");
        Result result = run(ini.toString());
        assertThat(result.code()).isEqualTo(ErrorKind.CONFIG.exitCode());
        assertThat(result.err()).contains("ticker_period").contains(ini.toString());
    }
}
