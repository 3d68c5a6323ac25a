package org.skytools.londiste.replay;

/** How a handler wants the row events of its table applied. */
public enum ApplyMode {
    /**
     * Set statements on the net change per primary key when that provably gives the same end state
     * as applying each event in order (see {@link DestTableInfo#coalescable}); otherwise in order.
     */
    AUTO,
    /** Each event as its own statement, in event order (statements still sent in batches). */
    ORDERED,
    /** Always the net change per key with set statements, as the {@code bulk} handler. */
    SET,
    /**
     * Each event becomes a call of the handler's function with the event's fields, in event order
     * ({@code applyfn}, {@code multimaster}).
     */
    FUNCTION,
    /**
     * Row events are inserted, with their type, data, extras and time, into another queue of the
     * destination database, in event order ({@code qsplitter}).
     */
    QUEUE,
    /**
     * Row events go, filtered and reshaped, to the table or to a partition by time, in order or as
     * net changes ({@code dispatch} and its presets, see {@link DispatchConfig}).
     */
    DISPATCH,
    /** Row events are not applied at all ({@code vtable}, {@code qtable}). */
    IGNORE
}
