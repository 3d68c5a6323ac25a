package org.skytools.londiste.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skytools.common.db.FqName;

class RowDiffTest {
    private final RowDiff diff = new RowDiff(FqName.parse("s.T"), List.of("k", "a", "b"), 1);

    @Test
    void r5_keysCompareByCodePointLikeCollateC() {
        assertThat(diff.compareKeys(List.of("10"), List.of("9"))).isNegative();
        assertThat(diff.compareKeys(List.of("ab"), List.of("abc"))).isNegative();
        assertThat(RowDiff.compareText("\uFFFD", "\uD83D\uDE00"))
                .as("BMP char below astral")
                .isNegative();
    }

    @Test
    void r5_updateSetsOnlyDifferingColumnsGuardedByOldValues() {
        assertThat(diff.update(Arrays.asList("1", "x", null), Arrays.asList("1", "y", "z")))
                .isEqualTo("update only s.\"T\" set a = 'x', b = null where k = '1' and a = 'y' and b = 'z';");
        assertThat(diff.update(List.of("1", "x", "2024-01-01 00:00:00+00"), List.of("1", "x", "2024-01-01 00:00:00")))
                .as("a zone suffix alone is no difference")
                .isNull();
        assertThat(diff.delete(List.of("1", "x", "y"))).isEqualTo("delete from only s.\"T\" where k = '1';");
    }
}
