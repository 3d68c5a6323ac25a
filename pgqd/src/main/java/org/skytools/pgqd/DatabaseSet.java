package org.skytools.pgqd;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Compares the databases being served with a fresh list: which to start and which to stop. */
final class DatabaseSet {

    /**
     * The changes, each list in order.
     *
     * @param start databases in the new list that are not served yet
     * @param stop databases served that the new list no longer has
     */
    record Diff(List<String> start, List<String> stop) {
        Diff {
            start = List.copyOf(start);
            stop = List.copyOf(stop);
        }

        boolean isEmpty() {
            return start.isEmpty() && stop.isEmpty();
        }
    }

    private DatabaseSet() {}

    /** The changes from {@code served} to {@code listed}; duplicates in {@code listed} count once. */
    static Diff diff(Collection<String> served, Collection<String> listed) {
        Set<String> wanted = new LinkedHashSet<>(listed);
        List<String> start = new ArrayList<>();
        for (String db : wanted) {
            if (!served.contains(db)) {
                start.add(db);
            }
        }
        List<String> stop = new ArrayList<>();
        for (String db : served) {
            if (!wanted.contains(db)) {
                stop.add(db);
            }
        }
        return new Diff(start, stop);
    }
}
