package org.skytools.londiste.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.skytools.common.db.Quoting;
import org.skytools.common.db.RowImage;
import org.skytools.common.db.RowImageDecoder;

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

    @Test
    void decodedRowsGiveTheSameNetChangesAsPlainMaps() {
        List<String> texts = List.of(
                "U:id id=1&v=a",
                "U:id id=2&v=b&w=c",
                "U:id id=1&w=z",
                "I:id id=3&v=q",
                "U:id id=4&v=r",
                "I:id id=5&v",
                "D:id id=2&v=b&w=c",
                "U:id id=6&v=%20x+y");
        RowImageDecoder decoder = new RowImageDecoder();
        List<ReplayEvent.RowChange> decoded = new ArrayList<>();
        List<ReplayEvent.RowChange> plain = new ArrayList<>();
        for (String t : texts) {
            String[] parts = t.split(" ");
            RowOp op = RowOp.ofCode(parts[0].charAt(0));
            long n = nextId++;
            decoded.add(new ReplayEvent.RowChange(n, n, "public.t", op, PK, decoder.decode(parts[1]), null));
            plain.add(new ReplayEvent.RowChange(
                    n, n, "public.t", op, PK, new LinkedHashMap<>(Quoting.urlDecode(parts[1])), null));
        }
        assertThat(decoded.get(4).row()).isInstanceOf(RowImage.class);
        NetChanges fromDecoded = NetChanges.of(decoded, PK);
        NetChanges fromPlain = NetChanges.of(plain, PK);
        assertThat(fromDecoded.deletes).isEqualTo(fromPlain.deletes).containsExactly(List.of("2"));
        assertThat(fromDecoded.inserts).isEqualTo(fromPlain.inserts);
        assertThat(fromDecoded.updates).isEqualTo(fromPlain.updates);
        assertThat(fromDecoded.updates.get(List.of("id", "v", "w")).rows()).containsExactly(List.of("1", "a", "z"));
        assertThat(fromDecoded.updates.get(List.of("id", "v")).rows())
                .containsExactly(List.of("4", "r"), List.of("6", " x y"));
        assertThat(rows(fromDecoded.inserts)).containsExactly(List.of("3", "q"), Arrays.asList("5", null));
    }

    private static List<List<String>> rows(Map<List<String>, NetChanges.RowSet> sets) {
        List<List<String>> all = new ArrayList<>();
        sets.values().forEach(s -> all.addAll(s.rows()));
        return all;
    }
}
