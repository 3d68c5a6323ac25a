package org.skytools.londiste.table;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.skytools.common.db.FqName;
import org.skytools.common.db.Quoting;

/** Reads the londiste registrations of one queue: tables, sequences and what is missing. */
public final class TableCatalog {
    private final String queue;

    public TableCatalog(String queue) {
        this.queue = queue;
    }

    /** The queue name. */
    public String queue() {
        return queue;
    }

    /** {@code londiste.get_table_list}: every table of the queue by queue name, in list order. */
    public Map<String, TableInfo> tables(Connection c) throws SQLException {
        Map<String, TableInfo> out = new LinkedHashMap<>();
        for (Map<String, Object> r : SqlRows.query(c, "select * from londiste.get_table_list(?)", queue)) {
            String name = (String) r.get("table_name");
            String dest = (String) r.get("dest_table");
            Number pos = (Number) r.get("copy_pos");
            out.put(
                    name,
                    new TableInfo(
                            name,
                            Boolean.TRUE.equals(r.get("local")),
                            MergeState.parse((String) r.get("merge_state")),
                            (String) r.get("custom_snapshot"),
                            TableInfo.decodeAttrs((String) r.get("table_attrs")),
                            (String) r.get("dropped_ddl"),
                            (String) r.get("copy_role"),
                            pos == null ? 0 : pos.intValue(),
                            dest == null ? name : dest));
        }
        return out;
    }

    /** The locally replicated tables only. */
    public List<TableInfo> localTables(Connection c) throws SQLException {
        List<TableInfo> out = new ArrayList<>();
        for (TableInfo t : tables(c).values()) {
            if (t.local()) {
                out.add(t);
            }
        }
        return out;
    }

    /** One table by its queue name, local or not. */
    public Optional<TableInfo> table(Connection c, String name) throws SQLException {
        return Optional.ofNullable(tables(c).get(fq(name)));
    }

    /** Sets one attribute of a local table, keeping the others ({@code londiste.local_set_table_attrs}). */
    public void setAttr(Connection c, TableInfo t, String key, String value) throws SQLException {
        Map<String, String> attrs = new LinkedHashMap<>(t.attrs());
        attrs.put(key, value);
        SqlRows.retCall(
                c, "select * from londiste.local_set_table_attrs(?, ?, ?)", queue, t.name(), Quoting.urlEncode(attrs));
    }

    /** {@code londiste.get_seq_list}: every sequence of the queue. */
    public List<SeqInfo> seqs(Connection c) throws SQLException {
        List<SeqInfo> out = new ArrayList<>();
        for (Map<String, Object> r : SqlRows.query(c, "select * from londiste.get_seq_list(?)", queue)) {
            Number last = (Number) r.get("last_value");
            out.add(new SeqInfo(
                    (String) r.get("seq_name"),
                    Boolean.TRUE.equals(r.get("local")),
                    last == null ? null : last.longValue()));
        }
        return out;
    }

    /** {@code londiste.local_show_missing}: objects of kind {@code r} or {@code S} not yet local. */
    public List<String> missing(Connection c, String kind) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> r : SqlRows.query(
                c, "select obj_name from londiste.local_show_missing(?) where obj_kind = ?", queue, kind)) {
            out.add((String) r.get("obj_name"));
        }
        return out;
    }

    /** Every missing object as {@code (kind, name)} pairs. */
    public List<MissingObject> missing(Connection c) throws SQLException {
        List<MissingObject> out = new ArrayList<>();
        for (Map<String, Object> r : SqlRows.query(c, "select * from londiste.local_show_missing(?)", queue)) {
            out.add(new MissingObject((String) r.get("obj_kind"), (String) r.get("obj_name")));
        }
        return out;
    }

    /** Makes a name fully qualified as {@code londiste.make_fqname} does. */
    public static String fq(String name) {
        return FqName.parse(name).toString();
    }

    /** A sequence registration: name, whether local, last value published by the root. */
    public record SeqInfo(String name, boolean local, Long lastValue) {}

    /** A row of {@code local_show_missing}: kind {@code r} (table) or {@code S} (sequence), and name. */
    public record MissingObject(String kind, String name) {}
}
