package org.skytools.londiste.replay;

/** Decides, per batch, which row events of which table the replay applies. */
public interface ReplayFilter {
    /** true when this table's row event with this txid must be applied in the current batch */
    boolean applies(String table, long txid);

    ReplayFilter ALL = (t, x) -> true;
}
