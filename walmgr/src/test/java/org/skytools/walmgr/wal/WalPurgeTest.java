package org.skytools.walmgr.wal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WalPurgeTest {

    private static final List<String> ARCHIVE = List.of(
            "000000010000000000000001",
            "000000010000000000000002",
            "000000010000000000000002.00000028.backup",
            "000000010000000000000003",
            "000000010000000000000004.partial",
            "000000010000000000000005",
            "000000010000000000000005.00000060.backup",
            "000000010000000000000006",
            "00000001.history",
            "00000002.history",
            "000000020000000000000001",
            "PAUSE",
            "BACKUPLOCK",
            ".000000010000000000000007.tmp99");

    @Test
    void deletesOnlyOlderFilesOfTheSameTimeline() {
        assertThat(WalPurge.obsolete(ARCHIVE, "000000010000000000000005"))
                .containsExactly(
                        "000000010000000000000001",
                        "000000010000000000000002",
                        "000000010000000000000002.00000028.backup",
                        "000000010000000000000003",
                        "000000010000000000000004.partial");
    }

    @Test
    void aSuffixOnTheFirstNeededNameCountsAsItsSegment() {
        assertThat(WalPurge.obsolete(ARCHIVE, "000000010000000000000003.00000028.backup"))
                .containsExactly(
                        "000000010000000000000001",
                        "000000010000000000000002",
                        "000000010000000000000002.00000028.backup");
    }

    @Test
    void keepsHistoryFilesAndOtherTimelines() {
        List<String> gone = WalPurge.obsolete(ARCHIVE, "000000020000000000000009");
        assertThat(gone).containsExactly("000000020000000000000001");
    }

    @Test
    void restartPointArgumentsThatAreNotWalNamesAreIgnored() {
        assertThat(WalPurge.validFirstNeeded(null)).isEmpty();
        assertThat(WalPurge.validFirstNeeded("%r")).isEmpty();
        assertThat(WalPurge.validFirstNeeded("000000010000000000000003.partial"))
                .contains("000000010000000000000003");
    }
}
