package org.skytools.londiste.replay;

import java.util.Objects;

/**
 * How the hash-splitting handlers ({@code shard}, {@code part}, the dispatch handlers with
 * {@code key=}) find a row's hash and this database's partition, from config {@code shard_hash_func}
 * and {@code shard_info_sql}.
 *
 * @param hashFunc the function of the key column whose result is the row's hash, unless the
 *     handler's {@code hashfunc=} or {@code hash_expr=} says otherwise
 * @param infoSql the query that gives this database's partition as {@code shard_nr, shard_mask,
 *     shard_count} (or {@code part_nr, max_part}); null to read {@code partconf.conf}, either layout
 */
public record ShardSettings(String hashFunc, String infoSql) {
    /** The hash function of SkyTools' partitioned databases. */
    public static final String DEFAULT_HASH_FUNC = "partconf.get_hash_raw";

    /** {@code partconf.get_hash_raw} and {@code partconf.conf}. */
    public static final ShardSettings DEFAULT = new ShardSettings(DEFAULT_HASH_FUNC, null);

    public ShardSettings {
        Objects.requireNonNull(hashFunc, "hashFunc");
        if (infoSql != null && infoSql.isBlank()) {
            infoSql = null;
        }
    }
}
