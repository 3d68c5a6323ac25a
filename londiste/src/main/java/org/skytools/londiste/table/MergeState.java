package org.skytools.londiste.table;

import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;

/**
 * A table's copy state as stored in {@code londiste.table_info.merge_state}: NULL, {@code in-copy},
 * {@code catching-up}, {@code wanna-sync:<tick>}, {@code do-sync:<tick>} or {@code ok} ({@code ?} is
 * read as ok, as SkyTools 3 did).
 *
 * @param phase the state
 * @param tick the tick of the wanna-sync and do-sync states, else 0
 */
public record MergeState(Phase phase, long tick) {

    /** The states of behaviour.md §2, in their order. */
    public enum Phase {
        MISSING,
        IN_COPY,
        CATCHING_UP,
        WANNA_SYNC,
        DO_SYNC,
        OK;

        /** Whether a table in this state counts against {@code parallel_copies}. */
        public boolean copying() {
            return this != MISSING && this != OK;
        }
    }

    public static final MergeState MISSING = new MergeState(Phase.MISSING, 0);
    public static final MergeState IN_COPY = new MergeState(Phase.IN_COPY, 0);
    public static final MergeState CATCHING_UP = new MergeState(Phase.CATCHING_UP, 0);
    public static final MergeState OK = new MergeState(Phase.OK, 0);

    /** {@code wanna-sync:<tick>}: the copied table equals its source at {@code tick}. */
    public static MergeState wannaSync(long tick) {
        return new MergeState(Phase.WANNA_SYNC, tick);
    }

    /** Parses the stored text; null is MISSING. */
    public static MergeState parse(String text) {
        if (text == null) {
            return MISSING;
        }
        switch (text) {
            case "in-copy":
                return IN_COPY;
            case "catching-up":
                return CATCHING_UP;
            case "ok":
            case "?":
                return OK;
            default:
                break;
        }
        int colon = text.indexOf(':');
        if (colon > 0) {
            String kind = text.substring(0, colon);
            try {
                long tick = Long.parseLong(text.substring(colon + 1));
                if (kind.equals("wanna-sync")) {
                    return new MergeState(Phase.WANNA_SYNC, tick);
                }
                if (kind.equals("do-sync")) {
                    return new MergeState(Phase.DO_SYNC, tick);
                }
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw new SkyToolsException(ErrorKind.STATE, "bad table state \"" + text + "\" in londiste.table_info");
    }

    /** The text stored in the database, null for MISSING. */
    public String render() {
        return switch (phase) {
            case MISSING -> null;
            case IN_COPY -> "in-copy";
            case CATCHING_UP -> "catching-up";
            case WANNA_SYNC -> "wanna-sync:" + tick;
            case DO_SYNC -> "do-sync:" + tick;
            case OK -> "ok";
        };
    }

    @Override
    public String toString() {
        return phase == Phase.MISSING ? "NULL" : render();
    }
}
