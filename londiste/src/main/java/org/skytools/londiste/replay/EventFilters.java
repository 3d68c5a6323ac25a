package org.skytools.londiste.replay;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.skytools.common.db.Quoting;

/** Event filters (SQL conditions on the event table) a londiste consumer may fetch batches with. */
public final class EventFilters {
    private EventFilters() {}

    /**
     * The {@code local_only} filter: cascade and londiste events plus row events of the given tables
     * (queue names), as SkyTools builds it; with no tables, only the cascade and londiste events.
     */
    public static String localOnly(Collection<String> tables) {
        String meta = "(ev_type like 'pgq.%' or ev_type like 'londiste.%')";
        if (tables.isEmpty()) {
            return meta;
        }
        List<String> quoted = new ArrayList<>();
        for (String t : tables) {
            quoted.add(Quoting.quoteLiteral(t));
        }
        return "(" + meta + " or (ev_extra1 in (" + String.join(",", quoted) + ")))";
    }

    /** The {@code local_only} filter for every table of {@code tables}. */
    public static String localOnly(TableMap tables) {
        List<String> names = new ArrayList<>();
        for (ReplayTable t : tables.all()) {
            names.add(t.name());
        }
        return localOnly(names);
    }
}
