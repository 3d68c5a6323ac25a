package org.skytools.londiste.replay.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.postgresql.PGConnection;
import org.skytools.common.db.Quoting;
import org.skytools.londiste.replay.ApplyStats;
import org.skytools.londiste.replay.BatchApplier;
import org.skytools.londiste.replay.EventParser;
import org.skytools.londiste.replay.ReplayFilter;
import org.skytools.londiste.replay.ReplayOptions;
import org.skytools.londiste.replay.ReplayTable;
import org.skytools.londiste.replay.TableMap;
import org.skytools.pgq.Event;
import org.skytools.pgq.PgqClient;
import org.skytools.sql.SchemaInstaller;
import org.skytools.sql.SqlSchema;
import org.skytools.testkit.ClusterOptions;
import org.skytools.testkit.PgCluster;

/**
 * Applies one batch of pgbench-like events (per transaction: UPDATE of an account, a teller and a
 * branch, INSERT into history; captured by {@code pgq.logutriga}) into a second database, with the
 * net change per key and with ordered statements, and COPYs the same rows (the row images the
 * events carry) into empty tables of the same shape, in the same run on a throwaway cluster.
 * Arguments: [events (default 100000)] [scale (default 10)] [rounds (default 3)].
 */
public final class ReplayApplyBench {
    private static final String[] TABLES = {"pgbench_accounts", "pgbench_tellers", "pgbench_branches", "pgbench_history"
    };
    private static final String DDL =
            """
            create table pgbench_branches (bid int primary key, bbalance int, filler char(88));
            create table pgbench_tellers (tid int primary key, bid int, tbalance int, filler char(84));
            create table pgbench_accounts (aid int primary key, bid int, abalance int, filler char(84));
            create table pgbench_history (tid int, bid int, aid int, delta int, mtime timestamp, filler char(22));
            """;

    private ReplayApplyBench() {}

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int scale = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        try (PgCluster cluster = PgCluster.start(ClusterOptions.named("replay-apply-bench"))) {
            cluster.createDatabase("src", null);
            cluster.createDatabase("dst", null);
            List<Event> batch = produce(cluster, events, scale);
            System.out.printf(
                    "batch: %d events (transactions of 3 updates + 1 insert, scale %d)%n", batch.size(), scale);
            double[] setSecs = new double[rounds];
            double[] serialSecs = new double[rounds];
            double[] orderedSecs = new double[rounds];
            double[] copySecs = new double[rounds];
            ApplyStats setStats = null;
            ApplyStats orderedStats = null;
            try (Connection dst = cluster.connect("dst")) {
                dst.setAutoCommit(false);
                BatchApplier.setReplicaRole(dst);
                dst.commit();
                TableMap tables = new TableMap(Arrays.stream(TABLES)
                        .map(t -> ReplayTable.of("public." + t))
                        .toList());
                BatchApplier set = new BatchApplier(ReplayOptions.forQueue("q"), tables);
                BatchApplier serial =
                        new BatchApplier(ReplayOptions.forQueue("q").withPipeline(0), tables);
                BatchApplier ordered =
                        new BatchApplier(ReplayOptions.forQueue("q").withCoalesce(false), tables);
                // warm up caches and the server's plans once
                apply(dst, set, batch);
                long p = System.nanoTime();
                for (Event ev : batch) {
                    EventParser.parse(ev);
                }
                System.out.printf("parsing the batch alone: %.2f s%n", secs(p));
                for (int r = 0; r < rounds; r++) {
                    vacuum(dst);
                    long t = System.nanoTime();
                    setStats = apply(dst, set, batch);
                    setSecs[r] = secs(t);
                    vacuum(dst);
                    t = System.nanoTime();
                    apply(dst, serial, batch);
                    serialSecs[r] = secs(t);
                    vacuum(dst);
                    t = System.nanoTime();
                    orderedStats = apply(dst, ordered, batch);
                    orderedSecs[r] = secs(t);
                    vacuum(dst);
                    t = System.nanoTime();
                    copy(dst, batch);
                    copySecs[r] = secs(t);
                    System.out.printf(
                            "round %d: net change %.2f s (on one thread %.2f s), ordered %.2f s, COPY %.2f s%n",
                            r + 1, setSecs[r], serialSecs[r], orderedSecs[r], copySecs[r]);
                }
            }
            double setRate = batch.size() / median(setSecs);
            double serialRate = batch.size() / median(serialSecs);
            double orderedRate = batch.size() / median(orderedSecs);
            double copyRate = batch.size() / median(copySecs);
            System.out.printf(
                    "apply, net change per key:  %.0f events/s (median of %d; %d statements in %d round trips)%n",
                    setRate, rounds, setStats.statements(), setStats.roundTrips());
            System.out.printf(
                    "apply, net change, one thread: %.0f events/s (median of %d; pipelined/one thread %.2f)%n",
                    serialRate, rounds, setRate / serialRate);
            System.out.printf(
                    "apply, ordered statements:  %.0f events/s (median of %d; %d statements in %d round trips)%n",
                    orderedRate, rounds, orderedStats.statements(), orderedStats.roundTrips());
            System.out.printf("COPY of the same rows:      %.0f rows/s (median of %d)%n", copyRate, rounds);
            System.out.printf(
                    "ratio net change/COPY: %.2f, ordered/COPY: %.2f%n", setRate / copyRate, orderedRate / copyRate);
        }
    }

    private static List<Event> produce(PgCluster cluster, int events, int scale) throws SQLException {
        String fill = "insert into pgbench_branches select b, 0, '' from generate_series(1, %1$d) b;"
                + " insert into pgbench_tellers select t, 1 + (t - 1) / 10, 0, '' from generate_series(1, 10 * %1$d) t;"
                + " insert into pgbench_accounts select a, 1 + (a - 1) / 100000, 0, '' from generate_series(1, 100000 * %1$d) a;";
        try (Connection dst = cluster.connect("dst");
                Statement st = dst.createStatement()) {
            st.execute(DDL);
            st.execute(String.format(fill, scale));
            for (String t : TABLES) {
                st.execute("create table " + t + "_copy (like " + t + ")");
            }
            st.execute("vacuum analyze");
        }
        try (Connection src = cluster.connect("src");
                Statement st = src.createStatement()) {
            new SchemaInstaller().applyWithRequirements(src, SqlSchema.LONDISTE);
            st.execute(DDL);
            st.execute(String.format(fill, scale));
            for (String t : TABLES) {
                st.execute("create trigger _londiste_q after insert or update or delete on " + t
                        + " for each row execute procedure pgq.logutriga('q')");
            }
            PgqClient pgq = new PgqClient(src);
            pgq.createQueue("q");
            pgq.registerConsumer("q", "bench");
            pgq.forceTick("q");
            pgq.ticker("q");
            pgq.nextBatch("q", "bench").ifPresent(b -> finish(pgq, b));
            long t = System.nanoTime();
            st.execute(String.format(
                    """
                    do $$
                    declare a int; tl int; b int; d int;
                    begin
                      for i in 1 .. %d loop
                        a := 1 + floor(random() * 100000 * %2$d)::int;
                        tl := 1 + floor(random() * 10 * %2$d)::int;
                        b := 1 + floor(random() * %2$d)::int;
                        d := floor(random() * 10001)::int - 5000;
                        update pgbench_accounts set abalance = abalance + d where aid = a;
                        update pgbench_tellers set tbalance = tbalance + d where tid = tl;
                        update pgbench_branches set bbalance = bbalance + d where bid = b;
                        insert into pgbench_history (tid, bid, aid, delta, mtime) values (tl, b, a, d, now());
                      end loop;
                    end $$
                    """,
                    events / 4, scale));
            System.out.printf("captured %d events in %.2f s%n", events, secs(t));
            pgq.forceTick("q");
            pgq.ticker("q");
            OptionalLong batch = pgq.nextBatch("q", "bench");
            List<Event> list = pgq.getBatchEvents(batch.orElseThrow());
            finish(pgq, batch.getAsLong());
            return list;
        }
    }

    private static void finish(PgqClient pgq, long batch) {
        try {
            pgq.finishBatch(batch);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApplyStats apply(Connection dst, BatchApplier applier, List<Event> batch) throws SQLException {
        ApplyStats stats = applier.apply(dst, batch, ReplayFilter.ALL);
        dst.commit();
        return stats;
    }

    /** COPYs the row image of every event into the empty copy of its table, one COPY per table. */
    private static void copy(Connection dst, List<Event> batch) throws Exception {
        try (Statement st = dst.createStatement()) {
            for (String t : TABLES) {
                st.execute("truncate " + t + "_copy");
            }
        }
        dst.commit();
        Map<String, StringBuilder> data = new LinkedHashMap<>();
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (Event ev : batch) {
            String table = ev.extra1().substring(ev.extra1().indexOf('.') + 1);
            columns.computeIfAbsent(table, x -> new ArrayList<>(ev.row().keySet()));
            data.computeIfAbsent(table, x -> new StringBuilder())
                    .append(Quoting.copyRow(new ArrayList<>(ev.row().values())))
                    .append('\n');
        }
        var copyApi = dst.unwrap(PGConnection.class).getCopyAPI();
        for (Map.Entry<String, StringBuilder> e : data.entrySet()) {
            copyApi.copyIn(
                    "copy " + e.getKey() + "_copy (" + Quoting.quoteIdentList(columns.get(e.getKey())) + ") from stdin",
                    new StringReader(e.getValue().toString()));
        }
        dst.commit();
    }

    /** Vacuums the destination between rounds so that every round starts from the same bloat. */
    private static void vacuum(Connection dst) throws SQLException {
        dst.setAutoCommit(true);
        try (Statement st = dst.createStatement()) {
            st.execute("vacuum pgbench_accounts, pgbench_tellers, pgbench_branches");
        }
        dst.setAutoCommit(false);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double secs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
