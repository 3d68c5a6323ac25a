package org.skytools.londiste.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.skytools.common.error.SkyToolsException;

class EventParserTest {
    @Test
    void logutrigaInsertWithKeyListNullAndQuotedValues() {
        ReplayEvent ev = EventParser.parse(
                Events.of(7, "I:id,sub", "id=1&sub=2&txt&name=O%27Brien+%e2%82%ac&empty=", "public.t"));
        assertThat(ev).isInstanceOf(ReplayEvent.RowChange.class);
        ReplayEvent.RowChange rc = (ReplayEvent.RowChange) ev;
        assertThat(rc.op()).isEqualTo(RowOp.INSERT);
        assertThat(rc.pkey()).containsExactly("id", "sub");
        assertThat(rc.table()).isEqualTo("public.t");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("id", "1");
        expected.put("sub", "2");
        expected.put("txt", null);
        expected.put("name", "O'Brien €");
        expected.put("empty", "");
        assertThat(rc.row()).containsExactlyEntriesOf(expected);
        assertThat(rc.keyValues()).containsExactly("1", "2");
        assertThat(rc.eventId()).isEqualTo(7);
        assertThat(rc.txid()).isEqualTo(1007);
    }

    @Test
    void logutrigaWithoutKeyAndTableWithoutSchema() {
        ReplayEvent.RowChange rc = (ReplayEvent.RowChange) EventParser.parse(Events.of(1, "I:", "a=1", "t"));
        assertThat(rc.pkey()).isEmpty();
        assertThat(rc.table()).isEqualTo("public.t");
    }

    @Test
    void backupRowInExtra2RevealsKeyChange() {
        ReplayEvent.RowChange rc =
                (ReplayEvent.RowChange) EventParser.parse(Events.of(1, "U:id", "id=2&v=x", "public.t", "id=1&v=x"));
        assertThat(rc.changesKey()).isTrue();
        assertThat(rc.oldKeyValues()).containsExactly("1");
        ReplayEvent.RowChange same =
                (ReplayEvent.RowChange) EventParser.parse(Events.of(1, "U:id", "id=2&v=y", "public.t", "id=2&v=x"));
        assertThat(same.changesKey()).isFalse();
    }

    @Test
    void jsontrigaRowsKeepTypesAsText() {
        ReplayEvent.RowChange rc = (ReplayEvent.RowChange) EventParser.parse(Events.of(
                3,
                "{\"op\":\"UPDATE\",\"table\":[\"public\",\"t\"],\"pkey\":[\"id\"]}",
                "{\"id\":9007199254740993,\"b\":true,\"n\":null,\"s\":\"a\\\"b\\\\c\\n\\u00e9\",\"ts\":\"2020-01-02T03:04:05+00:00\"}",
                "public.t"));
        assertThat(rc.op()).isEqualTo(RowOp.UPDATE);
        assertThat(rc.pkey()).containsExactly("id");
        assertThat(rc.row().get("id")).isEqualTo("9007199254740993");
        assertThat(rc.row().get("b")).isEqualTo("true");
        assertThat(rc.row()).containsEntry("n", null);
        assertThat(rc.row().get("s")).isEqualTo("a\"b\\c\né");
        assertThat(rc.row().get("ts")).isEqualTo("2020-01-02T03:04:05+00:00");
    }

    @Test
    void q37_truncateEventsOfAllTriggers() {
        assertThat(EventParser.parse(Events.of(1, "R", "", "public.t"))).isInstanceOf(ReplayEvent.Truncate.class);
        assertThat(EventParser.parse(Events.of(
                        1, "{\"op\":\"TRUNCATE\",\"table\":[\"public\",\"t\"],\"pkey\":[]}", "{}", "public.t")))
                .isEqualTo(new ReplayEvent.Truncate(1, 1001, "public.t"));
    }

    @Test
    void l26_sqltrigaEventsKeepTheirPartialSql() {
        ReplayEvent ev = EventParser.parse(Events.of(1, "U", "v='x' where id='1'", "public.t"));
        assertThat(ev).isEqualTo(new ReplayEvent.SqlChange(1, 1001, "public.t", RowOp.UPDATE, "v='x' where id='1'"));
    }

    @Test
    void l30_globalEvents() {
        assertThat(EventParser.parse(Events.of(1, "londiste.add-table", "public.t", null)))
                .isEqualTo(new ReplayEvent.AddTable(1, 1001, "public.t"));
        assertThat(EventParser.parse(Events.of(1, "londiste.remove-table", "public.t", null)))
                .isEqualTo(new ReplayEvent.RemoveTable(1, 1001, "public.t"));
        assertThat(EventParser.parse(Events.of(1, "londiste.update-seq", "30042", "public.s")))
                .isEqualTo(new ReplayEvent.UpdateSeq(1, 1001, "public.s", 30042));
        assertThat(EventParser.parse(Events.of(1, "londiste.remove-seq", "public.s", null)))
                .isEqualTo(new ReplayEvent.RemoveSeq(1, 1001, "public.s"));
        assertThat(EventParser.parse(Events.of(1, "EXECUTE", "create table x();", "x.sql", "need-table=a")))
                .isEqualTo(new ReplayEvent.Execute(1, 1001, "x.sql", "create table x();", "need-table=a"));
        assertThat(EventParser.parse(Events.of(1, "pgq.location-info", "n1", "q")))
                .isInstanceOf(ReplayEvent.CascadeEvent.class);
    }

    @Test
    void l31_unknownEventTypeNamesTypeAndId() {
        assertThatThrownBy(() -> EventParser.parse(Events.of(42, "my.event", "x", null)))
                .isInstanceOf(SkyToolsException.class)
                .hasMessage("unhandled event type \"my.event\" in event 42");
        assertThatThrownBy(() -> EventParser.parse(Events.of(43, "X", "x", "t")))
                .hasMessage("unhandled event type \"X\" in event 43");
        assertThatThrownBy(() -> EventParser.parse(Events.of(44, "{\"op\":\"MERGE\"}", "{}", "t")))
                .hasMessage("unhandled event type \"{\"op\":\"MERGE\"}\" in event 44");
    }

    @Test
    void badPayloadNamesEvent() {
        assertThatThrownBy(() -> EventParser.parse(Events.of(5, "{\"op\":\"INSERT\"}", "{\"a\":", "t")))
                .isInstanceOf(SkyToolsException.class)
                .hasMessageStartingWith("cannot read event 5 of type");
        assertThatThrownBy(() -> EventParser.parse(Events.of(6, "I:id", "id=1", null)))
                .hasMessageContaining("no table name in ev_extra1");
    }

    @Test
    void jsonNestedAndNumbers() {
        Object v = JsonText.parse(" {\"a\":[1,-2.5e3,{\"b\":false}],\"c\":\"\\/\"} ");
        assertThat(v).isInstanceOf(Map.class);
        Map<?, ?> m = (Map<?, ?>) v;
        assertThat((List<?>) m.get("a")).hasSize(3);
        assertThat(((List<?>) m.get("a")).get(1)).isEqualTo(new JsonText.Number("-2.5e3"));
        assertThat(m.get("c")).isEqualTo("/");
    }
}
