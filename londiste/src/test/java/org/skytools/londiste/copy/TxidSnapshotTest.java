package org.skytools.londiste.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.skytools.common.error.SkyToolsException;

class TxidSnapshotTest {
    @Test
    void l6_visibilityFollowsTxidVisibleInSnapshot() {
        TxidSnapshot s = TxidSnapshot.parse("100:110:105,102");
        assertThat(s.visible(99)).isTrue();
        assertThat(s.visible(100)).isTrue();
        assertThat(s.visible(102)).isFalse();
        assertThat(s.visible(105)).isFalse();
        assertThat(s.visible(109)).isTrue();
        assertThat(s.visible(110)).isFalse();
        assertThat(s).hasToString("100:110:102,105");
    }

    @Test
    void emptyInProgressListAndBadText() {
        TxidSnapshot s = TxidSnapshot.parse("7:7:");
        assertThat(s.visible(6)).isTrue();
        assertThat(s.visible(7)).isFalse();
        assertThat(s).isEqualTo(TxidSnapshot.parse("7:7:"));
        assertThatThrownBy(() -> TxidSnapshot.parse("1:2")).isInstanceOf(SkyToolsException.class);
    }

    @Test
    void l10_aSnapshotTakenLaterIncludesEverythingTheEarlierOneShowsEvenWithALongTransactionOpen() {
        TxidSnapshot copy = TxidSnapshot.parse("100:110:100,105");
        // 100 is still open at the tick: it was open at the copy too, so the tick shows all the copy shows
        assertThat(TxidSnapshot.parse("100:120:100,115").includes(copy)).isTrue();
        assertThat(TxidSnapshot.parse("110:110:").includes(copy)).isTrue();
        // 107 committed before the copy (visible there) but is still running at the tick: impossible
        // for a later tick, and rejected
        assertThat(TxidSnapshot.parse("100:120:100,107").includes(copy)).isFalse();
        // a tick older than the copy does not see 109
        assertThat(TxidSnapshot.parse("100:108:100,105").includes(copy)).isFalse();
        assertThat(copy.includes(copy)).isTrue();
    }
}
