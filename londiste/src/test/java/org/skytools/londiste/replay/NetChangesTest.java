package org.skytools.londiste.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetChangesTest {
    private static final List<String> PK = List.of("id");
    private long nextId = 1;

    private ReplayEvent.RowChange ch(RowOp op, String id, String v) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("v", v);
        long n = nextId++;
        return new ReplayEvent.RowChange(n, n, "public.t", op, PK, row, null);
    }

    @Test
    void insertThenDeleteVanishes() {
        NetChanges net = NetChanges.of(List.of(ch(RowOp.INSERT, "1", "a"), ch(RowOp.DELETE, "1", "a")), PK);
        assertThat(net.deletes).isEmpty();
        assertThat(net.inserts).isEmpty();
        assertThat(net.updates).isEmpty();
    }

    @Test
    void insertThenUpdatesIsOneInsertOfLastRow() {
        NetChanges net = NetChanges.of(
                List.of(ch(RowOp.INSERT, "1", "a"), ch(RowOp.UPDATE, "1", "b"), ch(RowOp.UPDATE, "1", "c")), PK);
        assertThat(rows(net.inserts)).containsExactly(List.of("1", "c"));
        assertThat(net.updates).isEmpty();
    }

    @Test
    void updatesOfExistingRowIsOneUpdate() {
        NetChanges net = NetChanges.of(List.of(ch(RowOp.UPDATE, "1", "b"), ch(RowOp.UPDATE, "1", "c")), PK);
        assertThat(rows(net.updates)).containsExactly(List.of("1", "c"));
    }

    @Test
    void deleteThenInsertIsDeletePlusInsert() {
        NetChanges net = NetChanges.of(
                List.of(ch(RowOp.UPDATE, "1", "b"), ch(RowOp.DELETE, "1", "b"), ch(RowOp.INSERT, "1", "z")), PK);
        assertThat(net.deletes).containsExactly(List.of("1"));
        assertThat(rows(net.inserts)).containsExactly(List.of("1", "z"));
        assertThat(net.updates).isEmpty();
    }

    @Test
    void inconsistentRunsAreLeftToOrderedApplication() {
        assertThat(NetChanges.of(List.of(ch(RowOp.INSERT, "1", "a"), ch(RowOp.INSERT, "1", "b")), PK))
                .isNull();
        assertThat(NetChanges.of(List.of(ch(RowOp.DELETE, "1", "a"), ch(RowOp.UPDATE, "1", "b")), PK))
                .isNull();
        assertThat(NetChanges.of(List.of(ch(RowOp.DELETE, "1", "a"), ch(RowOp.DELETE, "1", "b")), PK))
                .isNull();
    }

    @Test
    void bulkMethodsTurnUpdatesAndInsertsIntoDeleteInsert() {
        NetChanges m1 = NetChanges.of(List.of(ch(RowOp.UPDATE, "1", "b"), ch(RowOp.INSERT, "2", "x")), PK);
        m1.asDeleteInsert(false, PK);
        assertThat(m1.deletes).containsExactly(List.of("1"));
        assertThat(rows(m1.inserts)).containsExactlyInAnyOrder(List.of("1", "b"), List.of("2", "x"));
        NetChanges m2 = NetChanges.of(List.of(ch(RowOp.UPDATE, "1", "b"), ch(RowOp.INSERT, "2", "x")), PK);
        m2.asDeleteInsert(true, PK);
        assertThat(m2.deletes).containsExactlyInAnyOrder(List.of("1"), List.of("2"));
    }

    private static List<List<String>> rows(Map<List<String>, NetChanges.RowSet> sets) {
        List<List<String>> all = new ArrayList<>();
        sets.values().forEach(s -> all.addAll(s.rows()));
        return all;
    }
}
