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
 */
public final class ThreadedCopy {
    /** No table copies over several connections. */
    public static final ThreadedCopy NONE = new ThreadedCopy(List.of(), 1);

    // compiled once: the worker asks for every in-copy table in every batch
    private final List<Pattern> patterns = new ArrayList<>();
    private final int poolSize;

    /**
     * @param globs globs of table names ({@code *}, {@code ?}); a glob without a schema also
     *     matches in {@code public}
     * @param poolSize how many connections load one such table (at least 1)
     */
    public ThreadedCopy(List<String> globs, int poolSize) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("threaded_copy_pool_size must be at least 1, not " + poolSize);
        }
        this.poolSize = poolSize;
        for (String g : globs) {
            patterns.add(NameExpander.globPattern(g));
            if (g.indexOf('.') < 0) {
                patterns.add(NameExpander.globPattern("public." + g));
            }
        }
    }

    /** How many connections load {@code table} (schema-qualified): the pool size, or 0 for a plain copy. */
    public int poolFor(String table) {
        for (Pattern p : patterns) {
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
}
