package org.skytools.londiste.replay;

/**
 * A table's handler once its arguments are checked: how row events are applied and what a truncate
 * does.
 *
 * @param name handler name as in {@code --handler}
 * @param mode how row events are applied
 * @param bulkMethod for {@link ApplyMode#SET}: 0 = updates with UPDATE, 1 = updates as DELETE +
 *     INSERT, 2 = inserts too as DELETE + INSERT
 * @param ignoreTruncate truncate events are skipped ({@code ignore_truncate=1})
 * @param acceptsSqlEvents partial-SQL events of {@code pgq.sqltriga} can be applied
 * @param needsTable the destination table must exist
 * @param funcName for {@link ApplyMode#FUNCTION}: the function called per event; for {@link
 *     ApplyMode#QUEUE}: the queue the events go to
 * @param funcConf for {@link ApplyMode#FUNCTION}: its first argument
 * @param hashExpr for the {@code part} and {@code shard} handlers: the SQL expression of a row's
 *     hash (the root's trigger stores it in {@code ev_extra3}); null for tables not split by hash
 * @param dispatch for the dispatch handlers: where and how row events go; null for the others
 * @param obfuscator for the {@code obfuscate} handler: the rules its rows, copies and passed-on
 *     events go through; null for the others
 */
public record TableHandler(
        String name,
        ApplyMode mode,
        int bulkMethod,
        boolean ignoreTruncate,
        boolean acceptsSqlEvents,
        boolean needsTable,
        String funcName,
        String funcConf,
        String hashExpr,
        DispatchConfig dispatch,
        org.skytools.londiste.obfuscate.Obfuscator obfuscator) {

    /** A handler of a table not split by hash. */
    public TableHandler(
            String name,
            ApplyMode mode,
            int bulkMethod,
            boolean ignoreTruncate,
            boolean acceptsSqlEvents,
            boolean needsTable,
            String funcName,
            String funcConf) {
        this(
                name,
                mode,
                bulkMethod,
                ignoreTruncate,
                acceptsSqlEvents,
                needsTable,
                funcName,
                funcConf,
                null,
                null,
                null);
    }

    /** A handler that calls no function. */
    public TableHandler(
            String name,
            ApplyMode mode,
            int bulkMethod,
            boolean ignoreTruncate,
            boolean acceptsSqlEvents,
            boolean needsTable) {
        this(name, mode, bulkMethod, ignoreTruncate, acceptsSqlEvents, needsTable, null, null, null, null, null);
    }
}
