package org.skytools.londiste.replay;

import java.util.Map;
import java.util.Objects;
import org.skytools.common.db.Quoting;

/**
 * A locally subscribed table as the replay needs it: its name in the queue, the local table the
 * events go to ({@code --dest-table}, the same name when not renamed) and its handler.
 */
public record ReplayTable(String name, String destTable, HandlerSpec handler) {
    public ReplayTable {
        name = TableMap.normalize(Objects.requireNonNull(name, "name"));
        destTable = destTable == null || destTable.isEmpty() ? name : TableMap.normalize(destTable);
        handler = handler == null ? HandlerSpec.DEFAULT : handler;
    }

    /** A table replayed into itself with the default handler. */
    public static ReplayTable of(String name) {
        return new ReplayTable(name, null, HandlerSpec.DEFAULT);
    }

    /**
     * A table from a row of {@code londiste.get_table_list}: its {@code table_attrs} (urlencoded,
     * may be null; {@code handler=}, or the old key {@code handlers=}) and {@code dest_table}.
     */
    public static ReplayTable fromTableInfo(String tableName, String tableAttrs, String destTable) {
        Map<String, String> attrs = tableAttrs == null ? Map.of() : Quoting.urlDecode(tableAttrs);
        String h = attrs.getOrDefault("handler", attrs.get("handlers"));
        return new ReplayTable(tableName, destTable, HandlerSpec.parse(h));
    }

    /** The destination table quoted for SQL. */
    public String quotedDest() {
        return Quoting.quoteFqName(destTable);
    }
}
