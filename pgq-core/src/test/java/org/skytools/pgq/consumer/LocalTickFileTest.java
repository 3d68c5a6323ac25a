package org.skytools.pgq.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skytools.common.config.SkyConfig;

class LocalTickFileTest {
    @TempDir
    Path dir;

    @Test
    void missingFileHasNoTick() {
        assertThat(new LocalTickFile(dir.resolve("job.tick")).load()).isEmpty();
    }

    @Test
    void saveThenLoadAndNoTemporaryFileLeft() throws Exception {
        LocalTickFile f = new LocalTickFile(dir.resolve("job.tick"));
        f.save(42);
        f.save(43);
        assertThat(f.load()).hasValue(43);
        assertThat(Files.readString(f.path())).isEqualTo("43");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(f.path());
        }
    }

    @Test
    void whitespaceIsIgnoredAndEmptyFileHasNoTick() throws Exception {
        Path p = dir.resolve("job.tick");
        Files.writeString(p, " 17\n");
        assertThat(new LocalTickFile(p).load()).hasValue(17);
        Files.writeString(p, "\n");
        assertThat(new LocalTickFile(p).load()).isEmpty();
    }

    @Test
    void garbageIsAnErrorNamingTheFile() throws Exception {
        Path p = dir.resolve("job.tick");
        Files.writeString(p, "abc");
        assertThatThrownBy(() -> new LocalTickFile(p).load()).hasMessageContaining(p.toString());
    }

    @Test
    void deleteRemovesTheFile() {
        LocalTickFile f = new LocalTickFile(dir.resolve("job.tick"));
        assertThat(f.delete()).isFalse();
        f.save(1);
        assertThat(f.delete()).isTrue();
        assertThat(f.load()).isEmpty();
    }

    @Test
    void missingDirectoryIsAConfigError() {
        LocalTickFile f = new LocalTickFile(dir.resolve("nope/job.tick"));
        assertThatThrownBy(() -> f.save(1)).hasMessageContaining("directory does not exist");
    }

    @Test
    void trackingFileDefaultsToStateDirectoryInHomeNamedAfterTheJob() throws Exception {
        Path ini = dir.resolve("myjob.ini");
        Files.writeString(ini, "[c]\nqueue_name = q\n");
        SkyConfig cf = SkyConfig.load(ini, "c", Map.of());
        assertThat(LocalTickFile.fromConfig(cf).path())
                .isEqualTo(Path.of(System.getProperty("user.home"), "state", "myjob.tick"));
        Files.writeString(ini, "[c]\nlocal_tracking_file = %(config_dir)s/%(job_name)s.pos\n");
        assertThat(LocalTickFile.fromConfig(SkyConfig.load(ini, "c", Map.of()))
                        .path()
                        .getFileName())
                .hasToString("myjob.pos");
    }
}
