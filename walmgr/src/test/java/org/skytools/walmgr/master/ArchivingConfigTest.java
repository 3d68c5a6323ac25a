package org.skytools.walmgr.master;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.skytools.walmgr.pg.PgConfText;

class ArchivingConfigTest {

    @Test
    void w1_enableSetsArchiveModeOnlyWhenTheFileMentionsIt() {
        ArchivingConfig.Changes c = ArchivingConfig.enable(new PgConfText("max_connections = 10\n"), "cmd");
        assertThat(c.settings()).containsOnlyKeys("archive_command");
        assertThat(c.needsRestart()).isFalse();

        c = ArchivingConfig.enable(new PgConfText("#archive_mode = off\n"), "cmd");
        assertThat(c.settings()).containsEntry("archive_mode", "on");
        assertThat(c.needsRestart()).isTrue();

        c = ArchivingConfig.enable(new PgConfText("archive_mode = on\n"), "cmd");
        assertThat(c.settings()).doesNotContainKey("archive_mode");
        assertThat(c.needsRestart()).isFalse();
    }

    @Test
    void w12_walLevelBecomesReplicaButLogicalIsKept() {
        assertThat(ArchivingConfig.enable(new PgConfText("wal_level = minimal\n"), "c")
                        .settings())
                .containsEntry("wal_level", "replica");
        assertThat(ArchivingConfig.enable(new PgConfText("wal_level = logical\n"), "c")
                        .settings())
                .doesNotContainKey("wal_level");
        assertThat(ArchivingConfig.enable(new PgConfText("wal_level = hot_standby\n"), "c")
                        .settings())
                .doesNotContainKey("wal_level");
        // commented out: the default, replica, is enough
        assertThat(ArchivingConfig.enable(new PgConfText("#wal_level = replica\n"), "c")
                        .settings())
                .doesNotContainKey("wal_level");
    }

    @Test
    void stopWithoutRestartCommandDiscardsSegmentsAndClearsSynchronousStandbys() {
        ArchivingConfig.Changes c =
                ArchivingConfig.disable(new PgConfText("archive_mode = on\nsynchronous_standby_names = 'a'\n"), false);
        assertThat(c.settings())
                .containsEntry("archive_command", ArchivingConfig.TRUE_COMMAND)
                .containsEntry("synchronous_standby_names", "")
                .doesNotContainKey("archive_mode");
    }

    @Test
    void stopWithRestartCommandTurnsArchivingOffCompletely() {
        ArchivingConfig.Changes c =
                ArchivingConfig.disable(new PgConfText("archive_mode = on\n#wal_level = replica\n"), true);
        assertThat(c.settings())
                .containsEntry("archive_command", "")
                .containsEntry("archive_mode", "off")
                .containsEntry("wal_level", "minimal")
                .containsEntry("max_wal_senders", "0");
        assertThat(c.needsRestart()).isTrue();
    }
}
