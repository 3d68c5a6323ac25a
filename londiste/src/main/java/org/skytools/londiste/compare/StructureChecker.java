package org.skytools.londiste.compare;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.skytools.common.db.FqName;
import org.skytools.londiste.copy.ConnectionOpener;
import org.skytools.londiste.copy.LocationOpener;
import org.skytools.londiste.table.MergeState;
import org.skytools.londiste.table.SqlRows;
import org.skytools.londiste.table.TableCatalog;
import org.skytools.londiste.table.TableInfo;
import org.skytools.londiste.table.TableStructures;

/**
 * {@code check}: compares the structure of each subscribed table with the table it is read
 * from (the provider, or the first node above that holds it): column names, their types and the
 * primary key. Rows are not read; {@code compare} does that.
 */
public final class StructureChecker {
    private static final String COLUMNS_SQL = "select a.attname, format_type(a.atttypid, a.atttypmod) as type"
            + " from pg_attribute a join pg_class c on c.oid = a.attrelid"
            + " join pg_namespace n on n.oid = c.relnamespace"
            + " where n.nspname = ? and c.relname = ? and a.attnum > 0 and not a.attisdropped order by a.attnum";
    private static final String PKEY_SQL = "select string_agg(a.attname, ', ' order by k.ord)"
            + " from pg_constraint x join pg_class c on c.oid = x.conrelid"
            + " join pg_namespace n on n.oid = c.relnamespace"
            + " cross join unnest(x.conkey) with ordinality k(attnum, ord)"
            + " join pg_attribute a on a.attrelid = x.conrelid and a.attnum = k.attnum"
            + " where n.nspname = ? and c.relname = ? and x.contype = 'p'";

    private final String queue;
    private LocationOpener nodes;

    public StructureChecker(String queue) {
        this.queue = queue;
    }

    /** Lets the check read a table from the first node up the provider chain that holds it (L-17). */
    public StructureChecker walkUp(LocationOpener nodes) {
        this.nodes = nodes;
        return this;
    }

    /**
     * One table's outcome: the differences found (empty when the structures match), or why it
     * was not checked.
     */
    public record Outcome(String table, List<String> differences, String skipReason) {
        public boolean differs() {
            return skipReason == null && !differences.isEmpty();
        }
    }

    /** Checks the given tables (every subscribed one when empty). */
    public List<Outcome> check(Connection node, ConnectionOpener provider, List<String> tables) throws SQLException {
        TableCatalog catalog = new TableCatalog(queue);
        Map<String, TableInfo> mine = catalog.tables(node);
        SqlRows.endRead(node);
        List<String> names = new ArrayList<>();
        if (tables.isEmpty()) {
            mine.values().stream().filter(TableInfo::local).forEach(t -> names.add(t.name()));
        } else {
            tables.forEach(t -> names.add(TableCatalog.fq(t)));
        }
        List<Outcome> out = new ArrayList<>();
        for (String name : names) {
            TableInfo t = mine.get(name);
            out.add(
                    t == null || !t.local()
                            ? skipped(name, "table not subscribed on this node")
                            : checkOne(node, provider, t));
        }
        return out;
    }

    private Outcome checkOne(Connection node, ConnectionOpener provider, TableInfo t) throws SQLException {
        Optional<DataSource> found = DataSource.forTable(node, queue, t.name(), provider, nodes);
        if (found.isEmpty()) {
            return skipped(t.name(), DataSource.missing(nodes));
        }
        try (Connection src = found.get().opener().open()) {
            TableInfo p = new TableCatalog(queue).tables(src).get(t.name());
            if (p == null || !p.local() || p.state().phase() != MergeState.Phase.OK) {
                return skipped(t.name(), "table not ready on provider");
            }
            FqName srcTable = FqName.parse(p.destTable());
            FqName dstTable = t.dest();
            if (!TableStructures.tableExists(src, srcTable)) {
                return skipped(t.name(), "table \"" + srcTable + "\" does not exist on provider side");
            }
            if (!TableStructures.tableExists(node, dstTable)) {
                return skipped(t.name(), "table \"" + dstTable + "\" does not exist on subscriber side");
            }
            List<String> diffs = differences(columns(src, srcTable), columns(node, dstTable));
            String srcKey = primaryKey(src, srcTable);
            String dstKey = primaryKey(node, dstTable);
            if (!Objects.equals(srcKey, dstKey)) {
                diffs.add("primary key (" + orNone(dstKey) + ") here, (" + orNone(srcKey) + ") on provider");
            }
            SqlRows.endRead(src);
            SqlRows.endRead(node);
            return new Outcome(t.name(), diffs, null);
        }
    }

    static List<String> differences(Map<String, String> provider, Map<String, String> here) {
        List<String> diffs = new ArrayList<>();
        provider.forEach((col, type) -> {
            String mine = here.get(col);
            if (mine == null) {
                diffs.add("column " + col + " (" + type + ") only on provider");
            } else if (!mine.equals(type)) {
                diffs.add("column " + col + " is " + mine + " here, " + type + " on provider");
            }
        });
        here.forEach((col, type) -> {
            if (!provider.containsKey(col)) {
                diffs.add("column " + col + " (" + type + ") only here");
            }
        });
        return diffs;
    }

    private static Map<String, String> columns(Connection c, FqName table) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map<String, Object> r : SqlRows.query(c, COLUMNS_SQL, table.schema(), table.name())) {
            out.put((String) r.get("attname"), (String) r.get("type"));
        }
        return out;
    }

    private static String primaryKey(Connection c, FqName table) throws SQLException {
        Object v = SqlRows.value(c, PKEY_SQL, table.schema(), table.name());
        return v == null ? null : v.toString();
    }

    private static String orNone(String key) {
        return key == null ? "none" : key;
    }

    private static Outcome skipped(String table, String why) {
        return new Outcome(table, List.of(), why);
    }
}
