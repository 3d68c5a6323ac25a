package org.skytools.walmgr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skytools.walmgr.Main;
import org.skytools.walmgr.config.WalmgrKey;

class CliTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.execute(
                args,
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path masterIni() throws Exception {
        Path data = Files.createDirectories(dir.resolve("mdata"));
        Files.writeString(data.resolve("PG_VERSION"), "15\n");
        Path ini = dir.resolve("master.ini");
        Files.writeString(
                ini,
                "[walmgr]\nmaster_data = " + data + "\nmaster_config = " + data
                        + "/postgresql.conf\nslave_config = " + dir + "/slave.ini\nwalmgr_data = " + dir
                        + "/ws\ncompleted_wals = %(walmgr_data)s/logs.complete\npartial_wals = %(walmgr_data)s/logs.partial\n"
                        + "full_backup = %(walmgr_data)s/data.master\n");
        return ini;
    }

    private Path slaveIni() throws Exception {
        Path ini = dir.resolve("slave.ini");
        Files.writeString(
                ini,
                "[walmgr]\nslave_data = " + dir + "/sdata\nwalmgr_data = " + dir
                        + "/ws\ncompleted_wals = %(walmgr_data)s/logs.complete\npartial_wals = %(walmgr_data)s/logs.partial\n"
                        + "full_backup = %(walmgr_data)s/data.master\nslave_start_cmd = true\n");
        return ini;
    }

    @Test
    void slaveCommandOnAMasterConfigIsRefused() throws Exception {
        Path ini = masterIni();
        for (String cmd :
                new String[] {"boot", "pause", "continue", "xlock", "xrelease", "xrotate", "xpurgewals", "createslave"
                }) {
            err.reset();
            assertThat(run(ini.toString(), cmd)).as(cmd).isEqualTo(2);
            assertThat(err()).as(cmd).contains("ERROR: action not available on current node: \"" + cmd + "\"");
        }
    }

    @Test
    void masterCommandOnASlaveConfigIsRefused() throws Exception {
        Path ini = slaveIni();
        for (String cmd : new String[] {"stop", "sync", "syncdaemon", "periodic"}) {
            err.reset();
            assertThat(run(ini.toString(), cmd)).as(cmd).isEqualTo(2);
            assertThat(err()).as(cmd).contains("is a master command").contains("describes a slave");
        }
        assertThat(run(ini.toString(), "xarchive", "/x", "000000010000000000000001"))
                .isEqualTo(2);
    }

    @Test
    void missingConfigFileIsAConfigError() {
        assertThat(run(dir.resolve("none.ini").toString(), "setup")).isEqualTo(3);
        assertThat(err()).startsWith("ERROR: ").contains(dir.resolve("none.ini").toString());
    }

    @Test
    void usageErrorsExitWithTwo() throws Exception {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).contains("no config file given");
        assertThat(run(slaveIni().toString(), "no-such-command")).isEqualTo(2);
        assertThat(run(slaveIni().toString(), "xrestore")).isEqualTo(2);
        assertThat(err()).contains("Missing required parameters");
    }

    @Test
    void switchesAreAcceptedAfterTheCommand() throws Exception {
        Path ini = slaveIni();
        assertThat(run(ini.toString(), "setup", "-n")).isZero();
        assertThat(dir.resolve("ws/logs.complete")).doesNotExist();
        assertThat(run(ini.toString(), "setup", "--set", "walmgr_data=" + dir + "/other"))
                .isZero();
        assertThat(dir.resolve("other/logs.complete")).isDirectory();
        assertThat(dir.resolve("ws")).doesNotExist();
    }

    @Test
    void w11_notReallyPrintsTheConfigEditsAndChangesNothing() throws Exception {
        Path ini = masterIni();
        Path conf = dir.resolve("mdata/postgresql.conf");
        String before = "# test\nwal_level = minimal\narchive_mode = off\n";
        Files.writeString(conf, before);
        // the slave is local: its setup runs with -n too
        slaveIni();
        assertThat(run(ini.toString(), "setup", "-n")).as(err()).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .contains("-archive_mode = off")
                .contains("+archive_mode = 'on'", "+wal_level = 'replica'", "xarchive %p %f");
        assertThat(conf).hasContent(before);
        assertThat(dir.resolve("ws")).doesNotExist();

        // a segment to archive is not copied either
        Path seg = dir.resolve("seg");
        Files.writeString(seg, "one");
        assertThat(run(ini.toString(), "xarchive", seg.toString(), "000000010000000000000001", "-n"))
                .isZero();
        assertThat(dir.resolve("ws")).doesNotExist();
    }

    @Test
    void xlockExitCodeAndHolder() throws Exception {
        Path ini = slaveIni();
        assertThat(run(ini.toString(), "setup")).isZero();
        assertThat(run(ini.toString(), "xlock", "777")).isZero();
        out.reset();
        assertThat(run(ini.toString(), "xlock", "888")).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8).strip()).isEqualTo("777");
        assertThat(run(ini.toString(), "xrelease")).isZero();
        assertThat(dir.resolve("ws/logs.complete/BACKUPLOCK")).doesNotExist();
    }

    @Test
    void xarchiveThroughTheCommandLineIsIdempotentAndRefusesDifferentContent() throws Exception {
        Path ini = masterIni();
        Files.createDirectories(dir.resolve("ws/logs.complete"));
        Path seg = dir.resolve("seg");
        Files.writeString(seg, "one");
        String name = "000000010000000000000001";
        assertThat(run(ini.toString(), "xarchive", seg.toString(), name)).isZero();
        assertThat(run(ini.toString(), "xarchive", seg.toString(), name)).isZero();
        assertThat(dir.resolve("mdata/.walshipping.last")).hasContent(name);
        Files.writeString(seg, "two");
        assertThat(run(ini.toString(), "xarchive", seg.toString(), name)).isEqualTo(6);
        assertThat(err()).contains("refusing to overwrite");
        assertThat(dir.resolve("ws/logs.complete/" + name)).hasContent("one");
    }

    @Test
    void iniPrintsEveryKey() {
        assertThat(run("--ini")).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        for (WalmgrKey k : WalmgrKey.values()) {
            assertThat(text).contains(k.key() + " =");
        }
    }

    @Test
    void fastPathTakesOnlyPlainSegmentCalls() {
        assertThat(FastPath.applies(new String[] {"m.ini", "xarchive", "pg_wal/X", "X"}))
                .isTrue();
        assertThat(FastPath.applies(new String[] {"s.ini", "xrestore", "X", "pg_wal/RECOVERYXLOG", "R"}))
                .isTrue();
        assertThat(FastPath.applies(new String[] {"s.ini", "xrestore", "X", "pg_wal/RECOVERYXLOG"}))
                .isTrue();
        assertThat(FastPath.applies(new String[] {"m.ini", "xarchive", "pg_wal/X", "X", "-v"}))
                .isFalse();
        assertThat(FastPath.applies(new String[] {"m.ini", "backup", "a", "b"})).isFalse();
        assertThat(FastPath.applies(new String[] {"m.ini", "xarchive", "p"})).isFalse();
    }
}
