package org.skytools.pgq.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.skytools.pgq.NextBatchInfo;

class TickPositionTest {
    private static final NextBatchInfo BATCH = new NextBatchInfo(9, 6, 5, null, null, null, null);

    @Test
    void nothingStoredMeansApply() {
        assertThat(TickPosition.alreadyApplied(BATCH, OptionalLong.empty(), "dst"))
                .isFalse();
    }

    @Test
    void storedPrevTickMeansApply() {
        assertThat(TickPosition.alreadyApplied(BATCH, OptionalLong.of(5), "dst"))
                .isFalse();
    }

    @Test
    void storedCurTickMeansSkip() {
        assertThat(TickPosition.alreadyApplied(BATCH, OptionalLong.of(6), "dst"))
                .isTrue();
    }

    @Test
    void otherTickIsLostPosition() {
        assertThatThrownBy(() -> TickPosition.alreadyApplied(BATCH, OptionalLong.of(3), "dst"))
                .hasMessageStartingWith("lost position: batch 5..6, dst has 3")
                .hasMessageContaining("--rewind");
    }
}
