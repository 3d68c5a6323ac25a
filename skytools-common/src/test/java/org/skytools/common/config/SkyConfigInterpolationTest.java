package org.skytools.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code %(name)s} interpolation and the built-in defaults. */
class SkyConfigInterpolationTest {
    @TempDir
    Path dir;

    private SkyConfig load(String text) throws IOException {
        Path file = dir.resolve("replica_l3.ini");
        Files.writeString(file, text);
        return SkyConfig.load(file, "tool", Map.of());
    }

    @Test
    void builtinsAreAvailable() throws IOException {
        SkyConfig cf = load("[tool]\n");
        Path file = dir.resolve("replica_l3.ini").toAbsolutePath().normalize();
        assertThat(cf.jobName()).isEqualTo("replica_l3");
        assertThat(cf.getString("service_name")).isEqualTo("tool");
        assertThat(cf.getString("config_file")).isEqualTo(file.toString());
        assertThat(cf.getString("config_dir")).isEqualTo(file.getParent().toString());
        assertThat(cf.getString("host_name")).isNotBlank();
    }

    @Test
    void jobNameDropsOnlyTheLastExtension() throws IOException {
        Path file = dir.resolve("a.b.ini");
        Files.writeString(file, "[tool]\n");
        assertThat(SkyConfig.load(file, "tool", Map.of()).jobName()).isEqualTo("a.b");
        Path hidden = dir.resolve(".hidden");
        Files.writeString(hidden, "[tool]\n");
        assertThat(SkyConfig.load(hidden, "tool", Map.of()).jobName()).isEqualTo(".hidden");
    }

    @Test
    void jobNameFromFileOrDefaultSectionWins() throws IOException {
        assertThat(load("[tool]\njob_name = mine\n").jobName()).isEqualTo("mine");
        assertThat(load("[DEFAULT]\njob_name = shared\n[tool]\n").jobName()).isEqualTo("shared");
    }

    @Test
    void referencesExpandRecursivelyAcrossSectionDefaultAndBuiltins() throws IOException {
        SkyConfig cf = load("[DEFAULT]\nbase = /var/lib/%(service_name)s\n[tool]\n"
                + "logdir = %(base)s/log\nlogfile = %(LogDir)s/%(job_name)s.log\n");
        assertThat(cf.getString("logfile")).isEqualTo("/var/lib/tool/log/replica_l3.log");
    }

    @Test
    void doublePercentIsALiteralPercent() throws IOException {
        SkyConfig cf = load("[tool]\nfmt = %%(cnt)d rows, 100%%\n");
        assertThat(cf.getString("fmt")).isEqualTo("%(cnt)d rows, 100%");
    }

    @Test
    void unknownReferenceNamesFileSectionKeyAndReference() throws IOException {
        SkyConfig cf = load("[tool]\nlogfile = %(log_dir)s/x.log\n");
        assertThatThrownBy(() -> cf.getString("logfile"))
                .isInstanceOf(ConfigValueException.class)
                .hasMessage(dir.resolve("replica_l3.ini") + ": [tool] 'logfile' refers to unknown key 'log_dir'"
                        + " in \"%(log_dir)s/x.log\"");
    }

    @Test
    void loopIsReportedWithItsChain() throws IOException {
        SkyConfig cf = load("[tool]\na = x%(b)s\nb = %(c)s\nc = %(a)s\n");
        assertThatThrownBy(() -> cf.getString("a"))
                .isInstanceOf(ConfigValueException.class)
                .hasMessageEndingWith("[tool] 'a' has an interpolation loop: a -> b -> c -> a");
    }

    @Test
    void selfReferenceIsALoop() throws IOException {
        SkyConfig cf = load("[tool]\na = %(a)s\n");
        assertThatThrownBy(() -> cf.getString("a")).hasMessageContaining("loop: a -> a");
    }

    @Test
    void strayPercentIsASyntaxError() throws IOException {
        SkyConfig cf = load("[tool]\na = 50% off\nb = %(x)d\nc = %()s\n");
        assertThatThrownBy(() -> cf.getString("a")).hasMessageContaining("'a' has a bad '%' in \"50% off\"");
        assertThatThrownBy(() -> cf.getString("b")).hasMessageContaining("'b' has a bad '%'");
        assertThatThrownBy(() -> cf.getString("c")).hasMessageContaining("'c' has a bad '%'");
    }

    @Test
    void overridesTakePartInInterpolation() throws IOException {
        Path file = dir.resolve("o.ini");
        Files.writeString(file, "[tool]\nroot = /a\nlogfile = %(root)s/x.log\n");
        SkyConfig cf = SkyConfig.load(file, "tool", Map.of("root", "/b"));
        assertThat(cf.getString("logfile")).isEqualTo("/b/x.log");
    }

    @Test
    void passwordInBadValueIsMasked() throws IOException {
        SkyConfig cf = load("[tool]\ndb = dbname=x password=s3cret %(nope)s\n");
        assertThatThrownBy(() -> cf.getString("db"))
                .hasMessageNotContaining("s3cret")
                .hasMessageContaining("***");
    }
}
