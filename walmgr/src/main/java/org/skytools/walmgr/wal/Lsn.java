package org.skytools.walmgr.wal;

/** A WAL location, written by PostgreSQL as {@code HI/LO} in hexadecimal. */
public record Lsn(long value) implements Comparable<Lsn> {

    /** Parses {@code 0/2000028}. */
    public static Lsn valueOf(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("not a WAL location: " + text);
        }
        long hi = Long.parseLong(text.substring(0, slash).trim(), 16);
        long lo = Long.parseLong(text.substring(slash + 1).trim(), 16);
        return new Lsn((hi << 32) | lo);
    }

    public long asLong() {
        return value;
    }

    /** The byte offset of this location inside its segment. */
    public long segmentOffset(long segmentSize) {
        return value % segmentSize;
    }

    @Override
    public int compareTo(Lsn o) {
        return Long.compareUnsigned(value, o.value);
    }

    @Override
    public String toString() {
        return String.format("%X/%X", value >>> 32, value & 0xFFFFFFFFL);
    }
}
