package org.skytools.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Config files written for SkyTools 3 load unchanged. */
class SkyTools3IniFilesTest {
    @TempDir
    Path dir;

    private Path copy(String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/ini/" + name)) {
            Files.copy(in, target);
        }
        return target;
    }

    @Test
    void londisteRootNode() throws IOException {
        SkyConfig cf = SkyConfig.load(copy("st3_root.ini"), List.of("londiste3", "londiste"), Map.of());
        assertThat(cf.jobName()).isEqualTo("l3_root");
        assertThat(cf.getString("db")).isEqualTo("dbname=root_db host=127.0.0.1");
        assertThat(cf.getFile("logfile")).isEqualTo(Path.of("log/l3_root.log"));
        assertThat(cf.getDuration("loop_delay")).isEqualTo(Duration.ofMillis(500));
        assertThat(cf.getBoolean("pgq_autocommit")).isTrue();
        assertThat(cf.getInt("parallel_copies")).isEqualTo(2);
        assertThat(cf.getString("compare_fmt")).isEqualTo("%(cnt)d rows, checksum=%(chksum)s");
        assertThat(GenericKeys.SCHEMA.problems(cf)).isEmpty();
    }

    @Test
    void londisteLeafWithDefaultsAliasAndContinuation() throws IOException {
        SkyConfig cf = SkyConfig.load(copy("st3_leaf.ini"), "londiste3", Map.of());
        ConfigKey<String> queueName =
                ConfigKey.string("queue_name").asRequired().withAliases("pgq_queue_name");
        assertThat(queueName.get(cf)).isEqualTo("replika");
        assertThat(cf.getString("db")).endsWith("password='s3 cret'");
        assertThat(cf.getFile("pidfile")).isEqualTo(Path.of("/var/lib/skytools/pid/l3_leaf.pid"));
        assertThat(cf.getMatching("*_extra_connstr"))
                .containsEntry("remote_extra_connstr", "sslmode=require connect_timeout=5");
        assertThat(cf.getBoolean("local_only")).isTrue();
        assertThat(cf.getList("handler_modules")).containsExactly("mymod.handlers", "othermod.handlers");
        assertThat(cf.describe()).doesNotContain("s3 cret");
    }

    @Test
    void pgqd() throws IOException {
        SkyConfig cf = SkyConfig.load(copy("pgqd.ini"), "pgqd", Map.of());
        assertThat(cf.jobName()).isEqualTo("pgqd");
        assertThat(cf.getFile("pidfile")).isEqualTo(Path.of(System.getProperty("user.home"), "pid", "pgqd.pid"));
        assertThat(cf.getList("database_list")).containsExactly("db1", "db2", "db3");
        assertThat(cf.getBoolean("syslog")).isFalse();
        assertThat(cf.getDuration("ticker_period")).isEqualTo(Duration.ofMillis(500));
        assertThat(cf.getDuration("maint_period")).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void walmgrMaster() throws IOException {
        SkyConfig cf = SkyConfig.load(copy("wal-master.ini"), "walmgr", Map.of());
        assertThat(cf.jobName()).isEqualTo("wal-master");
        assertThat(cf.has("master_data")).isTrue();
        assertThat(cf.has("master_restart_cmd")).isFalse();
        assertThat(cf.getString("completed_wals"))
                .isEqualTo("slave-host:/var/lib/postgresql/walshipping/logs.complete");
        assertThat(cf.getDouble("loop_delay")).isEqualTo(10.0);
        assertThat(cf.getBoolean("keep_symlinks")).isTrue();
    }

    @Test
    void walmgrSlave() throws IOException {
        SkyConfig cf = SkyConfig.load(copy("wal-slave.ini"), "walmgr", Map.of());
        assertThat(cf.has("master_data")).isFalse();
        assertThat(cf.getFile("full_backup"))
                .isEqualTo(Path.of(System.getProperty("user.home"), "walshipping", "data.master"));
        assertThat(cf.getBoolean("backup_datadir")).isTrue();
        assertThat(cf.getString("archive_command")).isEmpty();
        assertThat(cf.getInt("keep_backups")).isZero();
        assertThat(cf.findFile("pidfile")).isEmpty();
        assertThat(cf.getString("primary_conninfo")).isEqualTo("host=master port=5432 user=postgres");
    }
}
