package org.skytools.walmgr.wal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Which archive files are no longer needed: segments, partial copies and backup history files of
 * the same timeline as the first needed segment and older than it. Other timelines, timeline
 * history files (needed to follow a promotion) and files that are not WAL are always kept.
 */
public final class WalPurge {
    private WalPurge() {}

    /** The names to delete from a directory listing, given the first still needed file. */
    public static List<String> obsolete(Collection<String> names, String firstNeeded) {
        WalFileName keepFrom = WalFileName.valueOf(firstNeeded).segment();
        return names.stream()
                .filter(n -> WalFileName.parse(n).map(w -> w.isBefore(keepFrom)).orElse(false))
                .sorted()
                .toList();
    }

    /** The first needed file, when the name parses as a WAL file; {@code %r} may be anything. */
    public static Optional<String> validFirstNeeded(String name) {
        return name == null
                ? Optional.empty()
                : WalFileName.parse(name).map(w -> w.segment().name());
    }
}
