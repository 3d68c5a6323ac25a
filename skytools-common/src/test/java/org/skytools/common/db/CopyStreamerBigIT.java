package org.skytools.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.testkit.ClusterGroup;
import org.skytools.testkit.PgCluster;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/**
 * A million rows of mixed types streamed from one cluster to another by {@link CopyStreamer} in a
 * JVM limited to 64 MB of heap, about three times less than the data: the copy can only succeed if
 * it never holds more than a row at a time.
 */
@PgTest(clusters = 2)
class CopyStreamerBigIT {
    private static final int ROWS = 1_000_000;
    private static final String HEAP = "64m";
    private static final String TABLE = "create %stable big (id int%s, b bigint, n numeric, t text,"
            + " bin bytea, ts timestamptz, j jsonb, arr int[], flag boolean)";
    private static final String FILL = "insert into big select g, g::bigint * 1000003, (g / 7.0)::numeric(20, 6),"
            + " case when g % 10 = 0 then null"
            + "   else 'row ' || g || E'\\t\\\\ tab ünï 😀 ''q''\\n' || repeat('x', g % 50) end,"
            + " decode(md5(g::text), 'hex'), timestamptz '2020-01-01 00:00:00+00' + g * interval '1 second',"
            + " jsonb_build_object('id', g, 's', 'v\"' || g), array[g, g + 1, g % 100], g % 3 = 0"
            + " from generate_series(1, " + ROWS + ") g";
    private static final String CHECKSUM =
            "select count(*) || ':' || sum(hashtext(t::text)::bigint) || ':' || sum(length(t::text)) from big t";

    @Test
    @Timeout(300)
    void millionRowsStreamBetweenClustersInSmallHeap(TestDatabase db, ClusterGroup group) throws Exception {
        PgCluster target = group.get(1);
        String targetDb = "big_target";
        target.dropDatabase(targetDb);
        target.createDatabase(targetDb, null);

        long t0 = System.nanoTime();
        // The source is unlogged and has no key only to fill it faster; the target is an ordinary
        // table with a primary key, as a replica would be.
        db.execute(TABLE.formatted("unlogged ", ""));
        db.execute(FILL);
        System.out.printf("source filled with %d rows in %d ms%n", ROWS, (System.nanoTime() - t0) / 1_000_000);
        try (var c = target.connect(targetDb);
                var st = c.createStatement()) {
            st.execute(TABLE.formatted("", " primary key"));
        }

        Map<String, Long> result = runCopyInSmallJvm(db.connString(), target.connString(targetDb));

        long rows = result.get("rows");
        long bytes = result.get("bytes");
        long millis = Math.max(result.get("millis"), 1);
        System.out.printf(
                "streamed %d rows, %d bytes in %d ms: %.0f rows/s, %.1f MB/s;" + " peak heap %.1f MB of %.1f MB max%n",
                rows,
                bytes,
                millis,
                rows * 1000.0 / millis,
                bytes / 1048576.0 * 1000.0 / millis,
                result.get("peakHeap") / 1048576.0,
                result.get("maxHeap") / 1048576.0);
        assertThat(rows).isEqualTo(ROWS);
        assertThat(bytes)
                .as("the data must dwarf the heap for the check to mean anything")
                .isGreaterThan(2 * result.get("maxHeap"));
        long t1 = System.nanoTime();
        CompletableFuture<String> sourceSum =
                CompletableFuture.supplyAsync(() -> db.queryValue(CHECKSUM, String.class));
        String targetSum;
        try (var c = target.connect(targetDb);
                var st = c.createStatement();
                var rs = st.executeQuery(CHECKSUM)) {
            rs.next();
            targetSum = rs.getString(1);
        }
        assertThat(targetSum).isEqualTo(sourceSum.get(60, TimeUnit.SECONDS)).startsWith(ROWS + ":");
        System.out.printf("checksums %s equal, compared in %d ms%n", targetSum, (System.nanoTime() - t1) / 1_000_000);
        target.dropDatabase(targetDb);
    }

    private static Map<String, Long> runCopyInSmallJvm(String srcConnstr, String dstConnstr) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(
                java.toString(),
                "-Xmx" + HEAP,
                "-cp",
                System.getProperty("java.class.path"),
                CopyStreamerMain.class.getName(),
                srcConnstr,
                "public.big",
                dstConnstr,
                "public.big");
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("copy JVM finished").isTrue();
        assertThat(p.exitValue()).as("copy JVM exit code; output: " + out).isZero();
        Map<String, Long> values = new HashMap<>();
        for (String pair : out.strip().lines().reduce((a, b) -> b).orElse("").split(" ")) {
            String[] kv = pair.split("=");
            values.put(kv[0], Long.parseLong(kv[1]));
        }
        assertThat(values.keySet()).containsAll(List.of("rows", "bytes", "millis", "peakHeap", "maxHeap"));
        return values;
    }
}
