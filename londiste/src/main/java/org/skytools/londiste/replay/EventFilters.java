package org.skytools.londiste.replay;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.skytools.common.db.Quoting;

/** Event filters (SQL conditions on the event table) a londiste consumer may fetch batches with. */
public final class EventFilters {
    private EventFilters() {}

    /**
     * The {@code local_only} filter: cascade and londiste events, EXECUTE events unless {@code
     * dropExecute} ({@code local_only_drop_execute}), and the events of the given tables (queue
     * names), as londiste builds it.
     */
    public static String localOnly(Collection<String> tables, boolean dropExecute) {
        List<String> conditions = new ArrayList<>(List.of("ev_type like 'pgq.%'", "ev_type like 'londiste.%'"));
        if (!dropExecute) {
            conditions.add("ev_type = 'EXECUTE'");
        }
        if (!tables.isEmpty()) {
            List<String> quoted = new ArrayList<>();
            for (String t : tables) {
                quoted.add(Quoting.quoteLiteral(t));
            }
            conditions.add("ev_extra1 in (" + String.join(",", quoted) + ")");
        }
        return "(" + String.join(" or ", conditions) + ")";
    }

    /** The {@code local_only} filter for every table of {@code tables}. */
    public static String localOnly(TableMap tables, boolean dropExecute) {
        List<String> names = new ArrayList<>();
        for (ReplayTable t : tables.all()) {
            names.add(t.name());
        }
        return localOnly(names, dropExecute);
    }
}
