package org.skytools.common.db;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.util.List;

/**
 * Runs one {@link CopyStreamer} table copy in its own JVM so that a test can start it with a small
 * {@code -Xmx} and prove that memory does not grow with the table. Prints one result line:
 * {@code rows=N bytes=N millis=N peakHeap=N maxHeap=N}.
 */
public final class CopyStreamerMain {
    private CopyStreamerMain() {}

    /** Arguments: source connect string, source table, target connect string, target table. */
    public static void main(String[] args) throws Exception {
        DbConnector connector = new DbConnector("copy_streamer_main");
        try (Connection src = connector.connect(args[0]);
                Connection dst = connector.connect(args[2])) {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            CopyResult r =
                    new CopyStreamer().copyTable(src, FqName.parse(args[1]), dst, FqName.parse(args[3]), List.of());
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed())
                    .sum();
            System.out.printf(
                    "rows=%d bytes=%d millis=%d peakHeap=%d maxHeap=%d%n",
                    r.rows(),
                    r.bytes(),
                    r.elapsed().toMillis(),
                    peak,
                    Runtime.getRuntime().maxMemory());
        }
    }
}
