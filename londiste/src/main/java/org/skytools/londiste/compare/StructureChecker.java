package org.skytools.londiste.compare;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.skytools.common.db.TableStructure;
import org.skytools.common.db.TableStructureReader;
import org.skytools.londiste.copy.ConnectionOpener;
import org.skytools.londiste.copy.LocationOpener;
import org.skytools.londiste.table.SqlRows;
import org.skytools.londiste.table.TableCatalog;
import org.skytools.londiste.table.TableInfo;

/**
 * {@code check}: compares the structure of each subscribed table with the table it is read
 * from (the provider, or the first node above that holds it): column names, their types and the
 * primary key. Rows are not read; {@code compare} does that.
 */
public final class StructureChecker {
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
        Map<String, TableInfo> mine = new TableCatalog(queue).tables(node);
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
            TablePair pair = TablePair.find(src, node, queue, t);
            if (pair.skipReason() != null) {
                return skipped(t.name(), pair.skipReason());
            }
            TableStructureReader reader = new TableStructureReader();
            TableStructure there = reader.read(src, pair.source());
            TableStructure here = reader.read(node, pair.dest());
            SqlRows.endRead(src);
            SqlRows.endRead(node);
            List<String> diffs = differences(types(there), types(here));
            String srcKey = keyOf(there);
            String dstKey = keyOf(here);
            if (!Objects.equals(srcKey, dstKey)) {
                diffs.add("primary key " + orNone(dstKey) + " here, " + orNone(srcKey) + " on provider");
            }
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

    // column name to type as format_type prints it, in column order
    private static Map<String, String> types(TableStructure s) {
        Map<String, String> out = new LinkedHashMap<>();
        s.columns().forEach(c -> out.put(c.name(), c.type()));
        return out;
    }

    private static String keyOf(TableStructure s) {
        return s.primaryKey() == null ? null : s.primaryKey().definition();
    }

    private static String orNone(String key) {
        return key == null ? "none" : key;
    }

    private static Outcome skipped(String table, String why) {
        return new Outcome(table, List.of(), why);
    }
}
