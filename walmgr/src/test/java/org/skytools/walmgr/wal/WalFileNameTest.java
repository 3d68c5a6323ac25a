package org.skytools.walmgr.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class WalFileNameTest {

    @Test
    void parsesASegmentIntoTimelineLogAndSegment() {
        WalFileName w = WalFileName.valueOf("00000002000000A1000000FE");
        assertThat(w.timeline()).isEqualTo(2);
        assertThat(w.log()).isEqualTo(0xA1);
        assertThat(w.seg()).isEqualTo(0xFE);
        assertThat(w.kind()).isEqualTo(WalFileName.Kind.SEGMENT);
        assertThat(w.isSegment()).isTrue();
        assertThat(w.name()).isEqualTo("00000002000000A1000000FE");
    }

    @Test
    void parsesHistoryBackupAndPartialNames() {
        WalFileName h = WalFileName.valueOf("0000000A.history");
        assertThat(h.kind()).isEqualTo(WalFileName.Kind.HISTORY);
        assertThat(h.timeline()).isEqualTo(10);
        assertThat(h.name()).isEqualTo("0000000A.history");

        WalFileName b = WalFileName.valueOf("000000010000000000000003.00000028.backup");
        assertThat(b.kind()).isEqualTo(WalFileName.Kind.BACKUP);
        assertThat(b.backupOffset()).isEqualTo(0x28);
        assertThat(b.segment().name()).isEqualTo("000000010000000000000003");
        assertThat(b.name()).isEqualTo("000000010000000000000003.00000028.backup");

        WalFileName p = WalFileName.valueOf("000000010000000000000005.partial");
        assertThat(p.kind()).isEqualTo(WalFileName.Kind.PARTIAL);
        assertThat(p.segment().name()).isEqualTo("000000010000000000000005");
        assertThat(p.name()).isEqualTo("000000010000000000000005.partial");
    }

    @Test
    void rejectsNamesThatAreNotWalFiles() {
        for (String n : List.of(
                "PAUSE",
                "STOP",
                "BACKUPLOCK",
                "00000001000000000000000",
                "0000000100000000000000001",
                "00000001000000000000000g",
                "000000010000000000000001.tmp",
                ".000000010000000000000001.tmp42",
                "archive_status")) {
            assertThat(WalFileName.parse(n)).as(n).isEmpty();
        }
        assertThatThrownBy(() -> WalFileName.valueOf("STOP")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ordersByTimelineThenPositionThenKind() {
        List<String> expected = List.of(
                "00000001.history",
                "000000010000000000000002",
                "000000010000000000000002.00000028.backup",
                "000000010000000000000002.00000F00.backup",
                "000000010000000000000002.partial",
                "0000000100000000000000FF",
                "000000010000000100000000",
                "00000002.history",
                "000000020000000000000001");
        List<WalFileName> shuffled =
                new ArrayList<>(expected.stream().map(WalFileName::valueOf).toList());
        Collections.shuffle(shuffled, new java.util.Random(7));
        Collections.sort(shuffled);
        assertThat(shuffled.stream().map(WalFileName::name)).containsExactlyElementsOf(expected);
    }

    @Test
    void segmentOfAnLsnFor16MegabyteSegments() {
        long seg16 = 16L * 1024 * 1024;
        assertThat(WalFileName.segmentOf(1, Lsn.valueOf("0/2000028"), seg16).name())
                .isEqualTo("000000010000000000000002");
        assertThat(WalFileName.segmentOf(3, Lsn.valueOf("1A/FF000000"), seg16).name())
                .isEqualTo("000000030000001A000000FF");
        assertThat(WalFileName.valueOf("000000030000001A000000FF").segmentNumber(seg16))
                .isEqualTo(0x1AFFL);
    }

    @Test
    void segmentOfAnLsnFor64MegabyteSegments() {
        long seg64 = 64L * 1024 * 1024;
        // 64 segments per 4 GB "log"
        assertThat(WalFileName.segmentOf(1, Lsn.valueOf("1/C000000"), seg64).name())
                .isEqualTo("000000010000000100000003");
    }

    @Test
    void isBeforeComparesOnlyWithinATimeline() {
        WalFileName keep = WalFileName.valueOf("000000020000000000000005");
        assertThat(WalFileName.valueOf("000000020000000000000004").isBefore(keep))
                .isTrue();
        assertThat(WalFileName.valueOf("000000020000000000000004.partial").isBefore(keep))
                .isTrue();
        assertThat(WalFileName.valueOf("000000020000000000000005.00000028.backup")
                        .isBefore(keep))
                .isFalse();
        assertThat(WalFileName.valueOf("000000010000000000000001").isBefore(keep))
                .isFalse();
        assertThat(WalFileName.valueOf("00000002.history").isBefore(keep)).isFalse();
    }

    @Test
    void backupHistoryNameCarriesTheStartOffset() {
        assertThat(WalFileName.valueOf("000000010000000000000007")
                        .backupHistory(0x60)
                        .name())
                .isEqualTo("000000010000000000000007.00000060.backup");
    }

    @Test
    void lsnParsesAndPrintsPostgresNotation() {
        Lsn l = Lsn.valueOf("16/B374D848");
        assertThat(l.asLong()).isEqualTo(0x16B374D848L);
        assertThat(l).hasToString("16/B374D848");
        assertThat(l.segmentOffset(16L * 1024 * 1024)).isEqualTo(0x74D848L);
        assertThat(Lsn.valueOf("0/1")).isLessThan(Lsn.valueOf("1/0"));
    }
}
