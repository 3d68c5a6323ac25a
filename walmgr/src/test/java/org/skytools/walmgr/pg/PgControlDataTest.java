package org.skytools.walmgr.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PgControlDataTest {
    static final String OUTPUT =
            """
            pg_control version number:            1300
            Catalog version number:               202209061
            Database system identifier:           7306458212345678901
            Database cluster state:               shut down
            pg_control last modified:             Sat 21 Nov 2026 08:00:00 PM UTC
            Latest checkpoint location:           0/3000060
            Latest checkpoint's REDO location:    0/3000028
            Latest checkpoint's REDO WAL file:    000000020000000000000003
            Latest checkpoint's TimeLineID:       2
            Bytes per WAL segment:                16777216
            """;

    @Test
    void parsesCheckpointTimelineAndState() {
        PgControlData c = PgControlData.parse(OUTPUT).orElseThrow();
        assertThat(c.controlVersion()).isEqualTo(1300);
        assertThat(c.isShutDown()).isTrue();
        assertThat(c.timeline()).isEqualTo(2);
        assertThat(c.checkpoint()).hasToString("0/3000060");
        assertThat(c.redoSegment().name()).isEqualTo("000000020000000000000003");
        assertThat(c.checkpointSegment().name()).isEqualTo("000000020000000000000003");
    }

    @Test
    void incompleteOutputGivesNothing() {
        assertThat(PgControlData.parse("pg_control version number: 1300\n")).isEqualTo(Optional.empty());
    }

    @Test
    void backupLabelFieldsAreRead() {
        BackupLabel l = BackupLabel.parse(
                """
                START WAL LOCATION: 0/2000028 (file 000000010000000000000002)
                CHECKPOINT LOCATION: 0/2000060
                BACKUP METHOD: streamed
                BACKUP FROM: primary
                START TIME: 2026-11-21 20:00:00 UTC
                LABEL: FullBackup
                START TIMELINE: 1
                """);
        assertThat(l.firstWal()).isEqualTo("000000010000000000000002");
        assertThat(l.startTime()).isEqualTo("2026-11-21 20:00:00 UTC");
        assertThat(l.label()).isEqualTo("FullBackup");
    }
}
