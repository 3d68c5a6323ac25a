package org.skytools.londiste.replay;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the replay needs to know about a destination table: its columns with the types to cast text
 * values to, its primary key, and whatever makes the order of row changes matter beyond the key.
 *
 * @param name the table as {@code schema.name}
 * @param relkind {@code r} or {@code p} (partitioned)
 * @param columnTypes column name to the type a text value is cast to, in column order
 * @param pkey primary key columns in key order (empty without a primary key)
 * @param canonicalKey every key column has a type whose equal values print the same text
 * @param otherUnique a unique index or exclusion constraint other than the primary key exists
 * @param foreignKeys a foreign key references the table or goes out from it
 * @param replicaTriggers a user trigger fires in {@code replica} role ({@code ENABLE ALWAYS/REPLICA})
 * @param rules the table has rules
 * @param generated generated columns (never written)
 */
public record DestTableInfo(
        String name,
        char relkind,
        Map<String, String> columnTypes,
        List<String> pkey,
        boolean canonicalKey,
        boolean otherUnique,
        boolean foreignKeys,
        boolean replicaTriggers,
        boolean rules,
        Set<String> generated) {

    /**
     * True when applying the net change per primary key gives the same end state as applying each
     * event in order: nothing but the key can clash between rows, no foreign key or trigger sees
     * the intermediate states, and equal keys always come as equal text.
     */
    public boolean coalescable() {
        return (relkind == 'r' || relkind == 'p')
                && canonicalKey
                && !otherUnique
                && !foreignKeys
                && !replicaTriggers
                && !rules
                && generated.isEmpty();
    }

    /** {@code only } for a plain table, nothing for a partitioned one (its rows are in partitions). */
    String onlyKeyword() {
        return relkind == 'p' ? "" : "only ";
    }
}
