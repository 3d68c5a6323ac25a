package org.skytools.londiste.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.skytools.common.error.SkyToolsException;

class DispatchConfigTest {
    private static final ReplayEvent.RowChange EVENT =
            new ReplayEvent.RowChange(7, 1, "public.t", RowOp.INSERT, List.of("id"), Map.of("id", "1"), null);

    @Test
    void presetsSetTheirDefaultsAndGivenArgumentsWin() {
        DispatchConfig monthly = DispatchConfig.parse("bulk_monthly_field", Map.of("part_field", "ts"));
        assertThat(monthly.tableMode()).isEqualTo("part");
        assertThat(monthly.period()).isEqualTo("month");
        assertThat(monthly.partMode()).isEqualTo("date_field");
        assertThat(monthly.rowMode()).isEqualTo("keep_latest");
        assertThat(monthly.bulk()).isTrue();
        DispatchConfig plain = DispatchConfig.parse("dispatch", Map.of());
        assertThat(plain.tableMode()).isEqualTo("part");
        assertThat(plain.partMode()).isEqualTo("batch_time");
        assertThat(plain.period()).isEqualTo("day");
        assertThat(plain.rowMode()).isEqualTo("plain");
        assertThat(plain.bulk()).isFalse();
        assertThat(plain.partFunc()).isEqualTo("londiste.create_partition");
        DispatchConfig direct = DispatchConfig.parse("bulk_direct", Map.of("table_mode", "ignore"));
        assertThat(direct.tableMode()).isEqualTo("ignore");
        assertThat(DispatchConfig.handlerNames()).hasSize(2 * 4 * 4 + 3).contains("hourly_event", "bulk_yearly_time");
    }

    @Test
    void badValuesAreRefusedNamingTheArgument() {
        assertThatThrownBy(() -> DispatchConfig.parse("dispatch", Map.of("row_mode", "nope")))
                .isInstanceOf(SkyToolsException.class)
                .hasMessageContaining("row_mode")
                .hasMessageContaining("keep_latest");
        assertThatThrownBy(() -> DispatchConfig.parse("monthly_field", Map.of()))
                .isInstanceOf(SkyToolsException.class)
                .hasMessageContaining("part_field");
        assertThatThrownBy(() -> DispatchConfig.parse("dispatch", Map.of("event_types", "I,X")))
                .hasMessageContaining("event_types");
        assertThatThrownBy(() -> new HandlerRegistry().create(HandlerSpec.parse("direct(nope=1)")))
                .hasMessageContaining("nope");
    }

    @Test
    void fieldsAndSkipFieldsReshapeRowsKeysAndCopyColumns() {
        DispatchConfig c = DispatchConfig.parse("direct", Map.of("fields", "id,data:payload,gone"));
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", "1");
        row.put("data", "x");
        row.put("secret", "s");
        Map<String, String> mapped = c.filterRow(row);
        assertThat(mapped.keySet()).containsExactly("id", "payload", "gone");
        assertThat(mapped).containsEntry("payload", "x").containsEntry("gone", null);
        assertThat(c.filterKey(List.of("id"))).containsExactly("id");
        assertThat(c.copyColumns(List.of("id", "data", "secret")))
                .containsExactly(List.of("id", "data"), List.of("id", "payload"));
        DispatchConfig skip = DispatchConfig.parse("direct", Map.of("skip_fields", "Secret, other"));
        assertThat(skip.filterRow(row)).containsOnlyKeys("id", "data");
    }

    @Test
    void partitionNamesFollowThePeriodOrTheTemplate() {
        LocalDateTime t = LocalDateTime.of(2011, 4, 9, 7, 30);
        assertThat(new Partitions(DispatchConfig.parse("monthly_field", Map.of("part_field", "x")), "public.log")
                        .nameFor(t))
                .isEqualTo("public.log_2011_04");
        assertThat(new Partitions(DispatchConfig.parse("hourly_event", Map.of()), "public.log").nameFor(t))
                .isEqualTo("public.log_2011_04_09_07");
        assertThat(new Partitions(
                                DispatchConfig.parse("dispatch", Map.of("part_name", "%(parent)s_y%(year)s%%")), "s.t")
                        .nameFor(t))
                .isEqualTo("s.t_y2011%");
        assertThatThrownBy(() -> Partitions.fill("%(nope)s", Map.of("a", "b"), "part_name"))
                .hasMessageContaining("nope");
    }

    @Test
    void dateFieldReadsTheLeadingDateAndHour() {
        assertThat(DispatchRouter.dateField("ts", "2011-01-02 13:14:15+02", EVENT))
                .isEqualTo(LocalDateTime.of(2011, 1, 2, 13, 0));
        assertThat(DispatchRouter.dateField("ts", "2011-01-02", EVENT)).isEqualTo(LocalDateTime.of(2011, 1, 2, 0, 0));
        assertThatThrownBy(() -> DispatchRouter.dateField("ts", null, EVENT)).hasMessageContaining("NULL");
        assertThatThrownBy(() -> DispatchRouter.dateField("ts", "yesterday", EVENT))
                .hasMessageContaining("not a date");
    }
}
