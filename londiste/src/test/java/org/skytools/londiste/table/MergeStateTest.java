package org.skytools.londiste.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.skytools.common.error.SkyToolsException;

class MergeStateTest {
    @Test
    void l_statesRoundTripThroughTheStoredText() {
        for (String s : new String[] {"in-copy", "catching-up", "wanna-sync:12", "do-sync:13", "ok"}) {
            assertThat(MergeState.parse(s).render()).isEqualTo(s);
        }
        assertThat(MergeState.parse(null)).isEqualTo(MergeState.MISSING);
        assertThat(MergeState.MISSING.render()).isNull();
        assertThat(MergeState.parse("?")).isEqualTo(MergeState.OK);
        assertThat(MergeState.parse("do-sync:13").tick()).isEqualTo(13);
    }

    @Test
    void l22_copyStatesCountAgainstParallelCopies() {
        assertThat(MergeState.Phase.MISSING.copying()).isFalse();
        assertThat(MergeState.Phase.OK.copying()).isFalse();
        assertThat(MergeState.Phase.IN_COPY.copying()).isTrue();
        assertThat(MergeState.Phase.DO_SYNC.copying()).isTrue();
    }

    @Test
    void badStateIsRefusedWithTheText() {
        assertThatThrownBy(() -> MergeState.parse("half-done"))
                .isInstanceOf(SkyToolsException.class)
                .hasMessageContaining("\"half-done\"");
        assertThatThrownBy(() -> MergeState.parse("wanna-sync:x")).isInstanceOf(SkyToolsException.class);
    }
}
