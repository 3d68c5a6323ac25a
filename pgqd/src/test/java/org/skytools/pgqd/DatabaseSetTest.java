package org.skytools.pgqd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatabaseSetTest {

    @Test
    void t1_newDatabasesStartAndDatabasesGoneStop() {
        DatabaseSet.Diff diff = DatabaseSet.diff(List.of("a", "b", "c"), List.of("b", "d", "c", "e"));
        assertThat(diff.start()).containsExactly("d", "e");
        assertThat(diff.stop()).containsExactly("a");
        assertThat(diff.isEmpty()).isFalse();
    }

    @Test
    void t1_anUnchangedListChangesNothingAndDuplicatesCountOnce() {
        DatabaseSet.Diff diff = DatabaseSet.diff(List.of("a", "b"), List.of("b", "a", "a"));
        assertThat(diff.isEmpty()).isTrue();
        assertThat(DatabaseSet.diff(List.of(), List.of("x", "x")).start()).containsExactly("x");
    }

    @Test
    void t1_anEmptyListStopsEverything() {
        assertThat(DatabaseSet.diff(List.of("a", "b"), List.of()).stop()).containsExactly("a", "b");
    }
}
