package org.skytools.walmgr.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MasterPlanningTest {
    private static final List<String> PG_WAL = List.of(
            "000000010000000000000003",
            "000000010000000000000004",
            "000000010000000000000005",
            "000000010000000000000006");

    @Test
    void w8_syncCopiesSegmentsNewerThanTheLastArchived() {
        assertThat(WalSync.candidates(PG_WAL, "000000010000000000000004", null))
                .containsExactly("000000010000000000000005", "000000010000000000000006");
    }

    @Test
    void w8_aBackupFileAsLastArchivedKeepsItsSegment() {
        assertThat(WalSync.candidates(PG_WAL, "000000010000000000000004.00000028.backup", null))
                .containsExactly("000000010000000000000004", "000000010000000000000005", "000000010000000000000006");
    }

    @Test
    void w8_shutDownMasterStopsAtTheCheckpointSegment() {
        assertThat(WalSync.candidates(PG_WAL, null, "000000010000000000000005"))
                .containsExactly("000000010000000000000003", "000000010000000000000004", "000000010000000000000005");
    }

    @Test
    void xlockOutputIsParsedForTheHolderPid() {
        assertThat(BackupLockClient.lastNumber("2026-11-21 WARNING Somebody already has the backup lock.\n4242\n"))
                .hasValue(4242);
        assertThat(BackupLockClient.lastNumber("no pid here\n")).isEmpty();
    }

    @Test
    void synchronousStandbyNamesNeedOneConnectedStandby() {
        assertThat(SynchStandby.anyConnected("*", List.of("s1"))).isTrue();
        assertThat(SynchStandby.anyConnected("*", List.of())).isFalse();
        assertThat(SynchStandby.anyConnected("s2, s1", List.of("s1"))).isTrue();
        assertThat(SynchStandby.anyConnected("FIRST 1 (s3, \"s4\")", List.of("s4")))
                .isTrue();
        assertThat(SynchStandby.anyConnected("s9", List.of("s1"))).isFalse();
    }

    @Test
    void dataCopyFilterKeepsTheAutoConfAndSkipsRuntimeFiles() {
        List<String> f = DataDirCopy.dataFilter();
        assertThat(f.indexOf("--include=/postgresql.auto.conf")).isLessThan(f.indexOf("--exclude=*.conf"));
        assertThat(f)
                .contains(
                        "--exclude=/pg_wal",
                        "--exclude=/pg_replslot/*",
                        "--exclude=/backup_label",
                        "--exclude=*.pid",
                        "--exclude=/tmpspc",
                        "--delete");
    }
}
