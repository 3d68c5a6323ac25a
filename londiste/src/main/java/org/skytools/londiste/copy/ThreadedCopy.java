package org.skytools.londiste.copy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.skytools.londiste.table.NameExpander;

/**
 * Config {@code threaded_copy_tables} and {@code threaded_copy_pool_size}: the tables whose copy
 * loads the local table over several connections at once, and how many. Such a copy prepares the
 * table (truncate, indexes dropped) in a transaction of its own, with the dropped DDL kept in
 * {@code londiste.table_info.dropped_ddl}, so that the loading connections can write to it.
 *
 * @param patterns globs of table names ({@code *}, {@code ?}); a glob without a schema also
 *     matches in {@code public}
 * @param poolSize how many connections load one such table (at least 1)
 */
public record ThreadedCopy(List<String> patterns, int poolSize) {
    /** No table copies over several connections. */
    public static final ThreadedCopy NONE = new ThreadedCopy(List.of(), 1);

    public ThreadedCopy {
        if (poolSize < 1) {
            throw new IllegalArgumentException("threaded_copy_pool_size must be at least 1, not " + poolSize);
        }
        patterns = List.copyOf(patterns);
    }

    /** How many connections load {@code table} (schema-qualified): the pool size, or 0 for a plain copy. */
    public int poolFor(String table) {
        for (Pattern p : compiled()) {
            if (p.matcher(table).matches()) {
                return poolSize;
            }
        }
        return 0;
    }

    /** How many of {@code parallel_copies} the copy of {@code table} takes while it is {@code in-copy}. */
    public int copySlots(String table) {
        return Math.max(1, poolFor(table));
    }

    private List<Pattern> compiled() {
        List<Pattern> out = new ArrayList<>();
        for (String p : patterns) {
            out.add(NameExpander.globPattern(p));
            if (p.indexOf('.') < 0) {
                out.add(NameExpander.globPattern("public." + p));
            }
        }
        return out;
    }
}
