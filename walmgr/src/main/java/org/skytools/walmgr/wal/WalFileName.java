package org.skytools.walmgr.wal;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a file in a WAL archive: a segment {@code TTTTTTTTLLLLLLLLSSSSSSSS} (timeline, log,
 * segment, eight hex digits each), a segment's {@code .partial} copy, a backup history file
 * {@code <segment>.<offset>.backup}, or a timeline history file {@code TTTTTTTT.history}. Names
 * order as PostgreSQL creates them: by timeline, then position, then segment before its backup
 * history files before its partial copy.
 */
public record WalFileName(int timeline, long log, long seg, Kind kind, long backupOffset)
        implements Comparable<WalFileName> {

    /** What a file in the archive is. */
    public enum Kind {
        SEGMENT,
        BACKUP,
        PARTIAL,
        HISTORY
    }

    private static final Pattern SEGMENT = Pattern.compile("([0-9A-F]{8})([0-9A-F]{8})([0-9A-F]{8})");
    private static final Pattern BACKUP = Pattern.compile(SEGMENT.pattern() + "\\.([0-9A-F]{8})\\.backup");
    private static final Pattern PARTIAL = Pattern.compile(SEGMENT.pattern() + "\\.partial");
    private static final Pattern HISTORY = Pattern.compile("([0-9A-F]{8})\\.history");
    private static final long FOUR_GB = 0x100000000L;

    private static final Comparator<WalFileName> ORDER = Comparator.comparingInt(WalFileName::timeline)
            .thenComparing(w -> w.kind == Kind.HISTORY ? 0 : 1)
            .thenComparingLong(WalFileName::log)
            .thenComparingLong(WalFileName::seg)
            .thenComparing(WalFileName::kind)
            .thenComparingLong(WalFileName::backupOffset);

    /** Parses a file name; empty for anything that is not a WAL archive file. */
    public static Optional<WalFileName> parse(String name) {
        Matcher m = SEGMENT.matcher(name);
        if (m.matches()) {
            return Optional.of(of(m, Kind.SEGMENT, 0));
        }
        m = BACKUP.matcher(name);
        if (m.matches()) {
            return Optional.of(of(m, Kind.BACKUP, Long.parseLong(m.group(4), 16)));
        }
        m = PARTIAL.matcher(name);
        if (m.matches()) {
            return Optional.of(of(m, Kind.PARTIAL, 0));
        }
        m = HISTORY.matcher(name);
        if (m.matches()) {
            return Optional.of(new WalFileName(Integer.parseUnsignedInt(m.group(1), 16), 0, 0, Kind.HISTORY, 0));
        }
        return Optional.empty();
    }

    /** Parses a name that must be a WAL archive file. */
    public static WalFileName valueOf(String name) {
        return parse(name).orElseThrow(() -> new IllegalArgumentException("not a WAL file name: " + name));
    }

    private static WalFileName of(Matcher m, Kind kind, long offset) {
        return new WalFileName(
                Integer.parseUnsignedInt(m.group(1), 16),
                Long.parseLong(m.group(2), 16),
                Long.parseLong(m.group(3), 16),
                kind,
                offset);
    }

    /** The segment holding a WAL location, for a given segment size. */
    public static WalFileName segmentOf(int timeline, Lsn lsn, long segmentSize) {
        long segno = Long.divideUnsigned(lsn.asLong(), segmentSize);
        long perLog = FOUR_GB / segmentSize;
        return new WalFileName(timeline, segno / perLog, segno % perLog, Kind.SEGMENT, 0);
    }

    /** True for a plain segment (no suffix). */
    public boolean isSegment() {
        return kind == Kind.SEGMENT;
    }

    /** The plain segment this file belongs to (for a history file: itself). */
    public WalFileName segment() {
        return kind == Kind.HISTORY ? this : new WalFileName(timeline, log, seg, Kind.SEGMENT, 0);
    }

    /** The backup history file of a backup that started at {@code offset} inside this segment. */
    public WalFileName backupHistory(long offset) {
        return new WalFileName(timeline, log, seg, Kind.BACKUP, offset);
    }

    /** The segment number counted from the start of WAL, for a given segment size. */
    public long segmentNumber(long segmentSize) {
        return log * (FOUR_GB / segmentSize) + seg;
    }

    /** True when this file lies before {@code other}'s segment on the same timeline. */
    public boolean isBefore(WalFileName other) {
        return timeline == other.timeline
                && kind != Kind.HISTORY
                && other.kind != Kind.HISTORY
                && (log < other.log || (log == other.log && seg < other.seg));
    }

    /** The file name. */
    public String name() {
        String tli = String.format("%08X", timeline);
        if (kind == Kind.HISTORY) {
            return tli + ".history";
        }
        String base = tli + String.format("%08X%08X", log, seg);
        return switch (kind) {
            case SEGMENT -> base;
            case PARTIAL -> base + ".partial";
            case BACKUP -> base + String.format(".%08X.backup", backupOffset);
            case HISTORY -> throw new IllegalStateException();
        };
    }

    @Override
    public int compareTo(WalFileName o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return name();
    }
}
