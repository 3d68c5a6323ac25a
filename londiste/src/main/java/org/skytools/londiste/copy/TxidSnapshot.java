package org.skytools.londiste.copy;

import java.util.Arrays;
import org.skytools.common.error.SkyToolsException;

/**
 * A PostgreSQL transaction snapshot in its text form {@code xmin:xmax:xip,...}, as
 * {@code txid_current_snapshot()} and {@code pgq.tick.tick_snapshot} print it.
 *
 * @param xmin every txid below is finished
 * @param xmax every txid from here on had not started
 * @param xip txids in progress when the snapshot was taken, sorted
 */
public record TxidSnapshot(long xmin, long xmax, long[] xip) {

    /** Parses the text form. */
    public static TxidSnapshot parse(String text) {
        String[] parts = text.strip().split(":", -1);
        if (parts.length != 3) {
            throw SkyToolsException.state("bad txid snapshot \"" + text + "\"");
        }
        try {
            long[] xip = parts[2].isEmpty()
                    ? new long[0]
                    : Arrays.stream(parts[2].split(","))
                            .mapToLong(Long::parseLong)
                            .sorted()
                            .toArray();
            return new TxidSnapshot(Long.parseLong(parts[0]), Long.parseLong(parts[1]), xip);
        } catch (NumberFormatException e) {
            throw SkyToolsException.state("bad txid snapshot \"" + text + "\"");
        }
    }

    /**
     * Whether the changes of transaction {@code txid} are visible in this snapshot (when it
     * committed), as {@code txid_visible_in_snapshot}.
     */
    public boolean visible(long txid) {
        if (txid < xmin) {
            return true;
        }
        if (txid >= xmax) {
            return false;
        }
        return Arrays.binarySearch(xip, txid) < 0;
    }

    /**
     * Whether every transaction visible in {@code earlier} is visible here too: true for any
     * snapshot taken after {@code earlier} was, however long some transaction stays open.
     */
    public boolean includes(TxidSnapshot earlier) {
        if (xmax < earlier.xmax) {
            return false;
        }
        for (long x : xip) {
            if (earlier.visible(x)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder sb =
                new StringBuilder().append(xmin).append(':').append(xmax).append(':');
        for (int i = 0; i < xip.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(xip[i]);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TxidSnapshot s && s.xmin == xmin && s.xmax == xmax && Arrays.equals(s.xip, xip);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(xmin) * 31 + Long.hashCode(xmax) * 17 + Arrays.hashCode(xip);
    }
}
