package org.skytools.londiste.table;

import java.util.Map;
import org.skytools.common.db.FqName;
import org.skytools.common.db.Quoting;

/**
 * One row of {@code londiste.get_table_list}: a table of the queue and its local state.
 *
 * @param name the table's name in the queue (the root's name), {@code schema.table}
 * @param local whether this node replicates it
 * @param state the copy state
 * @param customSnapshot the copy snapshot ({@code xmin:xmax:xip,...}) or null
 * @param attrs decoded {@code table_attrs}
 * @param droppedDdl DDL dropped by a merge lead, or null
 * @param copyRole merge copy role, or null
 * @param copyPos merge copy position
 * @param destTable the local table, {@code schema.table} (the queue name when not renamed)
 */
public record TableInfo(
        String name,
        boolean local,
        MergeState state,
        String customSnapshot,
        Map<String, String> attrs,
        String droppedDdl,
        String copyRole,
        int copyPos,
        String destTable) {

    /** The default of the {@code max_parallel_copy} attribute. */
    public static final int DEFAULT_MAX_PARALLEL_COPY = 8;

    public TableInfo {
        attrs = Map.copyOf(attrs);
    }

    /** The local table as a name to quote. */
    public FqName dest() {
        return FqName.parse(destTable);
    }

    /** Whether {@code --skip-truncate} was given at add time. */
    public boolean skipTruncate() {
        String v = attrs.get("skip_truncate");
        return v != null && !v.isEmpty() && !v.equals("0");
    }

    /** The {@code copy_node} attribute, or null. */
    public String copyNode() {
        return attrs.get("copy_node");
    }

    /** The handler string ({@code name(urlencoded args)}), or the empty string for the default. */
    public String handler() {
        return attrs.getOrDefault("handler", attrs.getOrDefault("handlers", ""));
    }

    /** The {@code max_parallel_copy} attribute or its default. */
    public int maxParallelCopy() {
        String v = attrs.get("max_parallel_copy");
        return v == null ? DEFAULT_MAX_PARALLEL_COPY : Integer.parseInt(v.strip());
    }

    /** Decodes a {@code table_attrs} value; null gives an empty map. */
    public static Map<String, String> decodeAttrs(String text) {
        return text == null || text.isEmpty() ? Map.of() : Quoting.urlDecode(text);
    }
}
