package org.skytools.londiste.table;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which of the cascade's tables and sequences a node registers when it learns them from its
 * provider (config {@code register_only_tables}, {@code register_skip_tables},
 * {@code register_only_seqs}, {@code register_skip_seqs}): a name must be in the "only" list when
 * that list is given, and must not be in the "skip" list. Names without a schema mean
 * {@code public}.
 */
public record RegisterFilter(
        Set<String> onlyTables, Set<String> skipTables, Set<String> onlySeqs, Set<String> skipSeqs) {
    /** Registers everything. */
    public static final RegisterFilter ALL = new RegisterFilter(Set.of(), Set.of(), Set.of(), Set.of());

    public RegisterFilter {
        onlyTables = Set.copyOf(onlyTables);
        skipTables = Set.copyOf(skipTables);
        onlySeqs = Set.copyOf(onlySeqs);
        skipSeqs = Set.copyOf(skipSeqs);
    }

    /** The filter of the four config lists, their names made schema-qualified. */
    public static RegisterFilter of(
            List<String> onlyTables, List<String> skipTables, List<String> onlySeqs, List<String> skipSeqs) {
        return new RegisterFilter(fq(onlyTables), fq(skipTables), fq(onlySeqs), fq(skipSeqs));
    }

    /** Whether the node registers the table (a schema-qualified name). */
    public boolean registersTable(String table) {
        return passes(table, onlyTables, skipTables);
    }

    /** Whether the node registers the sequence (a schema-qualified name). */
    public boolean registersSeq(String seq) {
        return passes(seq, onlySeqs, skipSeqs);
    }

    private static boolean passes(String name, Set<String> only, Set<String> skip) {
        return (only.isEmpty() || only.contains(name)) && !skip.contains(name);
    }

    private static Set<String> fq(List<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (String n : names) {
            if (!n.isBlank()) {
                out.add(TableCatalog.fq(n.strip()));
            }
        }
        return out;
    }
}
