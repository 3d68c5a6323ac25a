package org.skytools.londiste.compare;

import java.nio.file.Path;
import java.util.List;

/**
 * What repair found for one table.
 *
 * @param table the table (queue name)
 * @param inserts rows only in the source
 * @param updates rows differing in non-key columns
 * @param deletes rows only in the target
 * @param statements the fixing SQL, in key order
 * @param file the {@code fix.<table>.sql} written, or null
 * @param applied whether the statements were applied on the target
 * @param skipReason why the table was not repaired, or null
 */
public record RepairResult(
        String table,
        int inserts,
        int updates,
        int deletes,
        List<String> statements,
        Path file,
        boolean applied,
        String skipReason) {
    public RepairResult {
        statements = List.copyOf(statements);
    }

    /** Whether both sides were equal. */
    public boolean clean() {
        return skipReason == null && inserts + updates + deletes == 0;
    }
}
