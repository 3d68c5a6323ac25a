package org.skytools.londiste.copy;

import java.sql.Connection;
import java.sql.SQLException;
import org.skytools.londiste.table.SqlRows;

/**
 * The other sources of a merged table: the same local table fed from several queues of one
 * database (several leaf nodes, behaviour L-18 to L-20). The first source to copy empties the
 * table and copies with its indexes dropped, while the others wait ({@code copy_role =
 * wait-copy}); every later source adds its rows to what is there.
 */
final class MergedSources {
    private MergedSources() {}

    /**
     * True when another queue's source of {@code dest} has copied already (its state is past
     * {@code in-copy}): this copy must neither truncate the table nor drop its indexes.
     */
    static boolean anotherCopied(Connection dst, String queue, String dest) throws SQLException {
        Object n = SqlRows.value(
                dst,
                "select count(*) from londiste.table_info"
                        + " where local and queue_name <> ? and coalesce(dest_table, table_name) = ?"
                        + " and merge_state is not null and merge_state <> 'in-copy'",
                queue,
                dest);
        return ((Number) n).longValue() > 0;
    }

    /** True when {@code dest} is fed from more than one queue of this database. */
    static boolean merged(Connection dst, String dest) throws SQLException {
        Object n = SqlRows.value(
                dst,
                "select count(*) from londiste.table_info where local and coalesce(dest_table, table_name) = ?",
                dest);
        return ((Number) n).longValue() > 1;
    }
}
