package org.skytools.walmgr.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;

class WalmgrConfigTest {

    @Test
    void interpolatesKeysAndBuiltInDefaults(@TempDir Path dir) throws Exception {
        Path ini = dir.resolve("wal-master.ini");
        Files.writeString(
                ini,
                """
                [other]
                slave = ignored

                [walmgr]
                ; comment
                master_data = /var/lib/pg/main
                Slave: db2
                walmgr_data = %(config_dir)s/ws
                completed_wals = %(slave)s:%(walmgr_data)s/logs.complete
                logfile = ~/log/%(job_name)s.log
                periodic_command = echo 100%%
                archive_command = run
                  --with continuation
                """);
        WalmgrSettings s = SkyConfigs.load(ini, Map.of());
        assertThat(s.role()).isEqualTo(Role.MASTER);
        assertThat(s.jobName()).isEqualTo("wal-master");
        assertThat(s.string(WalmgrKey.SLAVE)).isEqualTo("db2");
        assertThat(s.string(WalmgrKey.COMPLETED_WALS)).isEqualTo("db2:" + dir + "/ws/logs.complete");
        assertThat(s.location(WalmgrKey.COMPLETED_WALS)).isEqualTo(new Location("db2", dir + "/ws/logs.complete"));
        assertThat(s.file(WalmgrKey.LOGFILE))
                .isEqualTo(Path.of(System.getProperty("user.home"), "log", "wal-master.log"));
        assertThat(s.string(WalmgrKey.PERIODIC_COMMAND)).isEqualTo("echo 100%");
        assertThat(s.string(WalmgrKey.ARCHIVE_COMMAND)).isEqualTo("run\n--with continuation");
    }

    @Test
    void overridesWinOverTheFile(@TempDir Path dir) throws Exception {
        Path ini = dir.resolve("s.ini");
        Files.writeString(
                ini, "[walmgr]\nwalmgr_data = /a\nfull_backup = %(walmgr_data)s/data.master\nkeep_backups = 1\n");
        WalmgrSettings s = SkyConfigs.load(ini, Map.of("walmgr_data", "/b", "keep_backups", "3"));
        assertThat(s.role()).isEqualTo(Role.SLAVE);
        assertThat(s.string(WalmgrKey.FULL_BACKUP)).isEqualTo("/b/data.master");
        assertThat(s.integer(WalmgrKey.KEEP_BACKUPS)).isEqualTo(3);
    }

    @Test
    void missingFileSectionAndReferencesAreConfigErrors(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> SkyConfigs.load(dir.resolve("nope.ini"), Map.of()))
                .isInstanceOfSatisfying(
                        SkyToolsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG))
                .hasMessageContaining("nope.ini");
        Path wrongSection = dir.resolve("w.ini");
        Files.writeString(wrongSection, "[walmgr3]\nslave_data = /x\n");
        assertThatThrownBy(() -> SkyConfigs.load(wrongSection, Map.of()))
                .isInstanceOfSatisfying(
                        SkyToolsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG))
                .hasMessageContaining("walmgr");
        Path badRef = dir.resolve("r.ini");
        Files.writeString(badRef, "[walmgr]\nfull_backup = %(nowhere)s/x\n");
        assertThatThrownBy(() -> SkyConfigs.load(badRef, Map.of()))
                .isInstanceOfSatisfying(
                        SkyToolsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG))
                .hasMessageContaining("nowhere");
        Path loop = dir.resolve("l.ini");
        Files.writeString(loop, "[walmgr]\na = %(b)s\nb = %(a)s\n");
        assertThatThrownBy(() -> SkyConfigs.load(loop, Map.of()))
                .isInstanceOfSatisfying(
                        SkyToolsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG));
    }

    @Test
    void typedKeysAreCheckedWhenLoadedAndRequiredKeysWhenUsed(@TempDir Path dir) throws Exception {
        Path ini = dir.resolve("t.ini");
        Files.writeString(ini, "[walmgr]\nkeep_backups = many\n");
        assertThatThrownBy(() -> SkyConfigs.load(ini, Map.of()))
                .isInstanceOfSatisfying(
                        SkyToolsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG))
                .hasMessageContaining("keep_backups")
                .hasMessageContaining("many");

        Files.writeString(ini, "[walmgr]\nbackup_datadir = maybe\n");
        assertThatThrownBy(() -> SkyConfigs.load(ini, Map.of())).hasMessageContaining("backup_datadir");

        Files.writeString(ini, "[walmgr]\nbackup_datadir = no\n");
        WalmgrSettings s = SkyConfigs.load(ini, Map.of());
        assertThat(s.bool(WalmgrKey.BACKUP_DATADIR)).isFalse();
        assertThat(s.integer(WalmgrKey.KEEP_BACKUPS)).isZero();
        assertThatThrownBy(() -> s.string(WalmgrKey.SLAVE_DATA)).hasMessageContaining("key \"slave_data\" is not set");
    }

    @Test
    void slaveDirectoriesMustBeLocal(@TempDir Path dir) throws Exception {
        Path ini = dir.resolve("s.ini");
        Files.writeString(ini, "[walmgr]\ncompleted_wals = otherhost:/w/logs\n");
        WalmgrSettings s = SkyConfigs.load(ini, Map.of());
        assertThatThrownBy(() -> s.localDir(WalmgrKey.COMPLETED_WALS)).hasMessageContaining("names another host");
    }

    @Test
    void locationsFollowRsyncNotation() {
        assertThat(Location.parse("db2:/w/x")).isEqualTo(new Location("db2", "/w/x"));
        assertThat(Location.parse("user@db2:rel/x").host()).isEqualTo("user@db2");
        assertThat(Location.parse("/w/a:b").isRemote()).isFalse();
        assertThat(Location.parse("./a:b").isRemote()).isFalse();
        assertThat(new Location("h", "/w").resolve("f").rsyncArg(false)).isEqualTo("h:/w/f");
        assertThat(new Location("", "/w").rsyncArg(true)).isEqualTo("/w/");
    }

    @Test
    void everyWalmgrKeyHasADescriptorAndTheSampleConfigListsThem() {
        String ini = WalmgrSchema.DEFINITION.schema().renderIni("walmgr", Map.of("slave", "db2"));
        for (WalmgrKey k : WalmgrKey.values()) {
            assertThat(ini).contains(k.key() + " =");
            assertThat(WalmgrSchema.DEFINITION.schema().key(k.key()))
                    .as(k.key())
                    .isPresent();
        }
        assertThat(ini).startsWith("[walmgr]").contains("\nslave = db2\n").contains("## walmgr: slave ##");
    }
}
