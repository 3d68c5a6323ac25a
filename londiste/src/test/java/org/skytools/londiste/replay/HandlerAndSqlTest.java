package org.skytools.londiste.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.skytools.common.error.SkyToolsException;

class HandlerAndSqlTest {
    private final HandlerRegistry registry = new HandlerRegistry();

    @Test
    void handlerStringRoundTrip() {
        HandlerSpec spec = HandlerSpec.parse("bulk(method=1)");
        assertThat(spec.name()).isEqualTo("bulk");
        assertThat(spec.args()).containsExactlyEntriesOf(Map.of("method", "1"));
        assertThat(spec.format()).isEqualTo("bulk(method=1)");
        assertThat(HandlerSpec.parse("londiste(encoding=utf8,ignore_truncate=1)")
                        .args())
                .containsEntry("ignore_truncate", "1")
                .containsEntry("encoding", "utf8");
        assertThat(HandlerSpec.parse(null)).isEqualTo(HandlerSpec.DEFAULT);
        assertThat(HandlerSpec.parse("")).isEqualTo(HandlerSpec.DEFAULT);
        assertThatThrownBy(() -> HandlerSpec.parse("bulk(method=1")).hasMessageContaining("invalid handler format");
    }

    @Test
    void l43_tableInfoGivesDestAndHandler() {
        ReplayTable t =
                ReplayTable.fromTableInfo("public.src", "handler=bulk%28method%3d2%29&skip_truncate=1", "other.Dst");
        assertThat(t.destTable()).isEqualTo("other.Dst");
        assertThat(t.quotedDest()).isEqualTo("other.\"Dst\"");
        assertThat(t.handler()).isEqualTo(new HandlerSpec("bulk", Map.of("method", "2")));
        assertThat(ReplayTable.fromTableInfo("src", null, null).destTable()).isEqualTo("public.src");
    }

    @Test
    void handlersCheckTheirArguments() {
        assertThat(registry.create(HandlerSpec.parse("londiste(ignore_truncate=1)"))
                        .ignoreTruncate())
                .isTrue();
        assertThat(registry.create(HandlerSpec.parse("bulk(method=2)")).bulkMethod())
                .isEqualTo(2);
        assertThat(registry.create(HandlerSpec.parse("vtable")).mode()).isEqualTo(ApplyMode.IGNORE);
        // the newer londiste's shard arguments: hash_expr, and disable_replay, which copies but applies nothing
        TableHandler shard = registry.create(HandlerSpec.parse("shard(key=id,hash_expr=id % 7,disable_replay=1)"));
        assertThat(shard.mode()).isEqualTo(ApplyMode.IGNORE);
        assertThat(shard.hashExpr()).isEqualTo("id % 7");
        assertThat(shard.needsTable()).isTrue();
        assertThat(registry.create(HandlerSpec.parse("shard(key=id)")).mode()).isEqualTo(ApplyMode.AUTO);
        assertThatThrownBy(() -> registry.create(HandlerSpec.parse("londiste(foo=1)")))
                .isInstanceOf(SkyToolsException.class)
                .hasMessage("invalid argument \"foo\" for handler \"londiste\"");
        assertThatThrownBy(() -> registry.create(HandlerSpec.parse("nosuch")))
                .hasMessageStartingWith("unknown handler \"nosuch\"");
        assertThatThrownBy(() -> registry.create(HandlerSpec.parse("bulk(method=5)")))
                .hasMessageContaining("method must be 0, 1 or 2");
    }

    @Test
    void l26_orderedStatementsAsTheDefaultHandler() {
        ReplayEvent.RowChange ins = (ReplayEvent.RowChange)
                EventParser.parse(Events.of(1, "I:id", "id=1&Name=it%27s&n&b=a%5cb", "public.t"));
        assertThat(OrderedSql.forRow(ins, "public.t", "only "))
                .isEqualTo("insert into public.t (id, \"Name\", n, b) values ('1', 'it''s', null, E'a\\\\b')");
        ReplayEvent.RowChange upd =
                (ReplayEvent.RowChange) EventParser.parse(Events.of(2, "U:id", "id=1&v=x", "public.t"));
        assertThat(OrderedSql.forRow(upd, "public.t", "only "))
                .isEqualTo("update only public.t set v = 'x' where id = '1'");
        ReplayEvent.RowChange del =
                (ReplayEvent.RowChange) EventParser.parse(Events.of(3, "D:a,b", "a=1&b=2&v=x", "public.t"));
        assertThat(OrderedSql.forRow(del, "public.t", "only "))
                .isEqualTo("delete from only public.t where a = '1' and b = '2'");
        ReplayEvent.RowChange keyOnly =
                (ReplayEvent.RowChange) EventParser.parse(Events.of(4, "U:id", "id=1", "public.t"));
        assertThat(OrderedSql.forRow(keyOnly, "public.t", "only "))
                .isEqualTo("update only public.t set id = '1' where id = '1'");
        ReplayEvent.RowChange moved =
                (ReplayEvent.RowChange) EventParser.parse(Events.of(5, "U:id", "id=2&v=x", "public.t", "id=1&v=x"));
        assertThat(OrderedSql.forRow(moved, "public.t", "only "))
                .isEqualTo("update only public.t set v = 'x', id = '2' where id = '1'");
        ReplayEvent.SqlChange sql =
                (ReplayEvent.SqlChange) EventParser.parse(Events.of(6, "I", "(id,v) values ('1','x')", "public.t"));
        assertThat(OrderedSql.forSql(sql, "x.\"T\"", "only ")).isEqualTo("insert into x.\"T\" (id,v) values ('1','x')");
    }

    @Test
    void l32_localOnlyFilter() {
        assertThat(EventFilters.localOnly(List.of(), true))
                .isEqualTo("(ev_type like 'pgq.%' or ev_type like 'londiste.%')");
        TableMap two = new TableMap(List.of(ReplayTable.of("public.a"), ReplayTable.of("x.b'c")));
        assertThat(EventFilters.localOnly(two, true))
                .isEqualTo("(ev_type like 'pgq.%' or ev_type like 'londiste.%' or ev_extra1 in ('public.a','x.b''c'))");
        // local_only_drop_execute off (the default): EXECUTE events still come
        assertThat(EventFilters.localOnly(two, false))
                .isEqualTo("(ev_type like 'pgq.%' or ev_type like 'londiste.%' or ev_type = 'EXECUTE'"
                        + " or ev_extra1 in ('public.a','x.b''c'))");
    }

    @Test
    void applyfnNeedsFunctionAndMultimasterTakesAnyArgument() {
        assertThatThrownBy(() -> registry.create(HandlerSpec.parse("applyfn"))).hasMessageContaining("func_name");
        TableHandler mm = registry.create(HandlerSpec.parse("multimaster(timefield=mtime)"));
        assertThat(mm.mode()).isEqualTo(ApplyMode.FUNCTION);
        assertThat(mm.funcName()).isEqualTo("merge_on_time");
        assertThat(mm.funcConf()).isEqualTo("timefield=mtime");
    }

    @Test
    void updateWithoutKeyIsRefused() {
        ReplayEvent.RowChange upd = (ReplayEvent.RowChange) EventParser.parse(Events.of(9, "U:", "v=x", "public.t"));
        assertThatThrownBy(() -> OrderedSql.forRow(upd, "public.t", "only "))
                .hasMessageContaining("event 9 (UPDATE) for table \"public.t\" names no key columns");
    }
}
