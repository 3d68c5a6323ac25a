package org.skytools.qadmin.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    @Test
    void alignsLikePsql() {
        ResultTable t = new ResultTable(
                List.of("queue_name", "n", "x"),
                List.of(false, true, false),
                List.of(List.of("q1", "500", "a"), Arrays.asList("longer_queue", "7", null)));
        assertThat(t.render())
                .containsExactly(
                        "  queue_name  |  n  | x",
                        "--------------+-----+---",
                        " q1           | 500 | a",
                        " longer_queue |   7 |",
                        "(2 rows)");
    }

    @Test
    void multiLineValuesContinueWithPlus() {
        ResultTable t = new ResultTable(List.of("a", "b"), List.of(false, false), List.of(List.of("x\ny", "z")));
        assertThat(t.render()).containsExactly(" a | b", "---+---", " x+| z", " y |", "(1 row)");
    }

    @Test
    void emptyResultStillHasHeaderAndFooter() {
        ResultTable t = new ResultTable(List.of("consumer_name"), List.of(false), List.of());
        assertThat(t.render()).containsExactly(" consumer_name", "---------------", "(0 rows)");
        assertThat(t.rowCount()).isZero();
    }
}
