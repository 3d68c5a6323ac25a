package org.skytools.londiste.replay;

/** Decides, per batch, which row and truncate events of which tables are applied. */
@FunctionalInterface
public interface ReplayFilter {
    /** Every event of every subscribed table applies. */
    ReplayFilter ALL = (t, x) -> true;

    /** True when this table's event with this txid must be applied in the current batch. */
    boolean applies(String table, long txid);
}
