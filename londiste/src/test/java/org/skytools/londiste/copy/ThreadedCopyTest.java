package org.skytools.londiste.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadedCopyTest {

    @Test
    void globsPickTheTablesAndAGlobWithoutSchemaMeansPublicToo() {
        ThreadedCopy t = new ThreadedCopy(List.of("archive.*", "big_?", "public.log"), 4);
        assertThat(t.poolFor("archive.orders_2020")).isEqualTo(4);
        assertThat(t.poolFor("public.big_1")).isEqualTo(4);
        assertThat(t.poolFor("public.big_10")).isZero();
        assertThat(t.poolFor("public.log")).isEqualTo(4);
        assertThat(t.poolFor("other.log")).isZero();
        assertThat(t.poolFor("archivexorders")).as("the dot is literal").isZero();
        assertThat(new ThreadedCopy(List.of("*"), 2).poolFor("any.table")).isEqualTo(2);
    }

    @Test
    void aTableInCopyTakesItsPoolSizeOfParallelCopies() {
        ThreadedCopy t = new ThreadedCopy(List.of("public.big"), 3);
        assertThat(t.copySlots("public.big")).isEqualTo(3);
        assertThat(t.copySlots("public.small")).isEqualTo(1);
        assertThat(ThreadedCopy.NONE.copySlots("public.big")).isEqualTo(1);
        assertThatThrownBy(() -> new ThreadedCopy(List.of(), 0)).hasMessageContaining("threaded_copy_pool_size");
    }
}
