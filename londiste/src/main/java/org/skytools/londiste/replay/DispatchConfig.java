package org.skytools.londiste.replay;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.skytools.common.error.SkyToolsException;

/**
 * The arguments of the {@code dispatch} handler and its presets ({@code monthly_field}, {@code
 * bulk_direct}, ...): where each row event goes (the table itself, a partition by time, or
 * nowhere), how updates and deletes are kept, and which columns are loaded under which names.
 *
 * @param tableMode {@code part} (a partition per period), {@code direct} or {@code ignore}
 * @param partMode which time picks the partition: {@code batch_time}, {@code event_time}, {@code
 *     date_field} or {@code current_time}
 * @param partField the column holding the time for {@code date_field}
 * @param period {@code hour}, {@code day}, {@code month} or {@code year}
 * @param partName the partition name template, null for {@code <parent>_YYYY[_MM[_DD[_HH]]]}
 * @param partTemplate SQL that creates a partition, null to call {@code partFunc}
 * @param prePart SQL run before a partition is created, or null
 * @param postPart SQL run after a partition is created, or null
 * @param partFunc the function that creates a partition (six arguments)
 * @param retentionPeriod how long partitions are kept (an interval), or null to keep them all
 * @param ignoreOldEvents events for partitions older than the retention period are skipped
 * @param rowMode {@code plain}, {@code keep_latest} (an update is a delete and an insert) or
 *     {@code keep_all} (an update is an insert, deletes are skipped)
 * @param eventTypes the operations applied; the others are skipped
 * @param bulk {@code load_mode=bulk}: the net change per key with set statements; else each event
 *     in order
 * @param method for bulk: 0 updates as UPDATE, 1 as DELETE + INSERT, 2 inserts too, 3 inserts only
 * @param skipFields columns left out (lower case)
 * @param fieldMap source column to destination column, null for every column under its own name
 * @param table the destination table ({@code table=}), or null for the table's own destination
 */
public record DispatchConfig(
        String tableMode,
        String partMode,
        String partField,
        String period,
        String partName,
        String partTemplate,
        String prePart,
        String postPart,
        String partFunc,
        String retentionPeriod,
        boolean ignoreOldEvents,
        String rowMode,
        Set<RowOp> eventTypes,
        boolean bulk,
        int method,
        List<String> skipFields,
        Map<String, String> fieldMap,
        String table) {

    /** The arguments the dispatch handlers take besides the hash ones of {@code shard}. */
    static final Set<String> ARGS = Set.of(
            "table_mode",
            "part_func",
            "part_mode",
            "part_field",
            "period",
            "part_name",
            "part_template",
            "pre_part",
            "post_part",
            "retention_period",
            "ignore_old_events",
            "row_mode",
            "event_types",
            "load_mode",
            "method",
            "fields",
            "skip_fields",
            "table",
            "encoding",
            "ignore_truncate",
            "analyze");

    static final String DEFAULT_PART_FUNC = "londiste.create_partition";

    private static final Map<String, Map<String, String>> PRESETS = presets();

    /** The dispatch handler names: {@code dispatch} and its presets. */
    static Set<String> handlerNames() {
        return PRESETS.keySet();
    }

    /** The preset's default arguments, for {@code show-handlers}. */
    static Map<String, String> presetArgs(String handler) {
        return PRESETS.get(handler);
    }

    /**
     * The configuration of dispatch handler {@code handler} with {@code args}; the arguments given
     * win over the preset's. Throws {@link SkyToolsException} (config) for a value it does not know.
     */
    static DispatchConfig parse(String handler, Map<String, String> args) {
        Map<String, String> a = new HashMap<>(PRESETS.getOrDefault(handler, Map.of()));
        a.putAll(args);
        String tableMode = choice(handler, a, "table_mode", "part", "direct", "ignore");
        choice(handler, a, "analyze", "0", "1");
        String partMode = choice(handler, a, "part_mode", "batch_time", "event_time", "date_field", "current_time");
        String partField = a.get("part_field");
        if (tableMode.equals("part") && partMode.equals("date_field") && (partField == null || partField.isBlank())) {
            throw SkyToolsException.config("handler \"" + handler + "\": part_mode=date_field needs part_field=");
        }
        String period = choice(handler, a, "period", "day", "month", "year", "hour");
        boolean ignoreOld = choice(handler, a, "ignore_old_events", "0", "1").equals("1");
        String rowMode = choice(handler, a, "row_mode", "plain", "keep_all", "keep_latest");
        Set<RowOp> types = eventTypes(handler, a.getOrDefault("event_types", "*"));
        boolean bulk = choice(handler, a, "load_mode", "direct", "bulk").equals("bulk");
        int method = Integer.parseInt(choice(handler, a, "method", "0", "1", "2", "3"));
        List<String> skip = new ArrayList<>();
        for (String f : a.getOrDefault("skip_fields", "").split(",")) {
            if (!f.isBlank()) {
                skip.add(f.strip().toLowerCase(Locale.ROOT));
            }
        }
        return new DispatchConfig(
                tableMode,
                partMode,
                partField,
                period,
                blankToNull(a.get("part_name")),
                blankToNull(a.get("part_template")),
                blankToNull(a.get("pre_part")),
                blankToNull(a.get("post_part")),
                a.getOrDefault("part_func", DEFAULT_PART_FUNC),
                blankToNull(a.get("retention_period")),
                ignoreOld,
                rowMode,
                types,
                bulk,
                method,
                List.copyOf(skip),
                fieldMap(a.getOrDefault("fields", "*")),
                blankToNull(a.get("table")));
    }

    /** The row with skipped columns left out and mapped columns renamed (unknown sources give NULL). */
    Map<String, String> filterRow(Map<String, String> row) {
        if (skipFields.isEmpty() && fieldMap == null) {
            return row;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : row.entrySet()) {
            if (!skipFields.contains(e.getKey())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        if (fieldMap == null) {
            return out;
        }
        Map<String, String> mapped = new LinkedHashMap<>();
        for (Map.Entry<String, String> m : fieldMap.entrySet()) {
            mapped.put(m.getValue(), out.get(m.getKey()));
        }
        return mapped;
    }

    /** The key columns under their destination names, skipped and unmapped ones left out. */
    List<String> filterKey(List<String> pkey) {
        List<String> out = new ArrayList<>();
        for (String k : pkey) {
            if (skipFields.contains(k)) {
                continue;
            }
            if (fieldMap == null) {
                out.add(k);
            } else if (fieldMap.containsKey(k)) {
                out.add(fieldMap.get(k));
            }
        }
        return out;
    }

    /**
     * The source columns a copy reads and their destination names, in two lists of the same
     * length, from the columns both tables have.
     */
    public List<List<String>> copyColumns(List<String> common) {
        List<String> src = new ArrayList<>();
        List<String> dst = new ArrayList<>();
        for (String c : common) {
            if (skipFields.contains(c) || (fieldMap != null && !fieldMap.containsKey(c))) {
                continue;
            }
            src.add(c);
            dst.add(fieldMap == null ? c : fieldMap.get(c));
        }
        return List.of(src, dst);
    }

    private static String choice(String handler, Map<String, String> a, String key, String... allowed) {
        String v = a.get(key);
        if (v == null || v.isEmpty()) {
            return allowed[0];
        }
        for (String ok : allowed) {
            if (ok.equals(v.strip())) {
                return ok;
            }
        }
        throw SkyToolsException.config("handler \"" + handler + "\": bad value \"" + v + "\" for " + key + "; one of "
                + String.join(", ", allowed));
    }

    private static Set<RowOp> eventTypes(String handler, String text) {
        if (text.strip().equals("*")) {
            return EnumSet.allOf(RowOp.class);
        }
        Set<RowOp> out = EnumSet.noneOf(RowOp.class);
        for (String t : text.split(",")) {
            String u = t.strip().toUpperCase(Locale.ROOT);
            RowOp op = u.length() == 1 ? RowOp.ofCode(u.charAt(0)) : null;
            if (op == null) {
                throw SkyToolsException.config(
                        "handler \"" + handler + "\": unsupported operation \"" + t + "\" in event_types; use I, U, D");
            }
            out.add(op);
        }
        return out;
    }

    private static Map<String, String> fieldMap(String text) {
        if (text.strip().equals("*")) {
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (String f : text.split(",")) {
            String[] p = f.split(":");
            map.put(p[0].strip(), (p.length == 1 ? p[0] : p[1]).strip());
        }
        return map.isEmpty() ? null : java.util.Collections.unmodifiableMap(map);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Map<String, Map<String, String>> presets() {
        Map<String, Map<String, String>> p = new LinkedHashMap<>();
        p.put("dispatch", Map.of());
        Map<String, String> periods = Map.of("hourly", "hour", "daily", "day", "monthly", "month", "yearly", "year");
        Map<String, String> modes =
                Map.of("event", "event_time", "batch", "batch_time", "field", "date_field", "time", "current_time");
        for (String load : List.of("", "bulk")) {
            for (Map.Entry<String, String> period : periods.entrySet()) {
                for (Map.Entry<String, String> mode : modes.entrySet()) {
                    String name = (load.isEmpty() ? "" : load + "_") + period.getKey() + "_" + mode.getKey();
                    p.put(
                            name,
                            Map.of(
                                    "table_mode",
                                    "part",
                                    "row_mode",
                                    "keep_latest",
                                    "period",
                                    period.getValue(),
                                    "part_mode",
                                    mode.getValue(),
                                    "load_mode",
                                    load.isEmpty() ? "direct" : "bulk"));
                }
            }
        }
        p.put("bulk_direct", Map.of("load_mode", "bulk", "table_mode", "direct"));
        p.put("direct", Map.of("load_mode", "direct", "table_mode", "direct"));
        return java.util.Collections.unmodifiableMap(p);
    }
}
