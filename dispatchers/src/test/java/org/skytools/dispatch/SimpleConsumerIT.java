package org.skytools.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.skytools.common.cli.ScriptCommandLine;
import org.skytools.pgq.PgqClient;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;
import picocli.CommandLine;

/** simple_consumer and simple_local_consumer end to end, through their commands and real ini files. */
@PgTest(template = PgqTemplate.class)
@Timeout(180)
class SimpleConsumerIT {
    private static final String QUERY = "insert into dst (id, name, ev_type, tick) values"
            + " (%%(id)s, %%(name)s, %%(pgq.ev_type)s, %%(pgq.tick_id)s)";

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(Object command, String... args) {
        CommandLine line = ScriptCommandLine.create(command);
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    private static TestDatabase target(TestDatabase db) {
        String name = db.name() + "_dst";
        db.cluster().dropDatabase(name);
        db.cluster().createDatabase(name, null);
        TestDatabase dst = new TestDatabase(db.cluster(), name);
        dst.execute("create table dst (id int primary key, name text, ev_type text, tick bigint)");
        return dst;
    }

    /** Creates the queue with fast ticker settings and inserts row events for t1 and t2 plus one non-row event. */
    private static void createQueue(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            PgqClient pgq = new PgqClient(c);
            pgq.createQueue("q");
            pgq.setQueueConfig("q", "ticker_max_count", "1");
            pgq.setQueueConfig("q", "ticker_max_lag", "0");
            pgq.setQueueConfig("q", "ticker_idle_period", "0.1 seconds");
        }
    }

    private static void produce(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            PgqClient pgq = new PgqClient(c);
            for (int i = 1; i <= 5; i++) {
                pgq.insertEvent("q", "I:id", "id=" + i + "&name=n%c3%a4me+" + i, "public.t1", null, null, null);
            }
            pgq.insertEvent("q", "U:id", "id=6&name", "public.t1", null, null, null);
            pgq.insertEvent("q", "I:id", "id=100&name=other", "public.t2", null, null, null);
            pgq.insertEvent("q", "X", "not a row", "public.t1", null, null, null);
        }
    }

    /** Lets a pgq.ticker() thread tick until every event is behind a tick, then stops it. */
    private static void tickPastEverything(TestDatabase db) throws Exception {
        long lastEvent = db.queryValue("select max(ev_id) from pgq.event_1", Long.class);
        try (Connection c = db.connect();
                PreparedStatement st = c.prepareStatement("select pgq.ticker()")) {
            Thread ticker = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        st.execute();
                    }
                } catch (Exception e) {
                    // stopped
                }
            });
            ticker.start();
            try {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> db.queryValue(
                                        "select max(tick_event_seq) from pgq.tick where tick_queue = 1", Long.class)
                                >= lastEvent);
            } finally {
                ticker.interrupt();
                ticker.join(10_000);
            }
        }
    }

    private Path ini(String section, TestDatabase db, TestDatabase dst, String extra) throws Exception {
        Path ini = dir.resolve("job_" + section + ".ini");
        Files.writeString(
                ini,
                "[" + section + "]\n"
                        + "job_name = sc_test\n"
                        + "src_db = " + db.connString() + "\n"
                        + "dst_db = " + dst.connString() + "\n"
                        + "queue_name = q\n"
                        + "dst_query = " + QUERY + "\n"
                        + "loop_delay = 0\n"
                        + extra);
        return ini;
    }

    @Test
    void simpleConsumerRunsTheQueryForEachRowEventOfTheFilteredTables(TestDatabase db) throws Exception {
        createQueue(db);
        TestDatabase dst = target(db);
        Path ini = ini("simple_consumer3", db, dst, "table_filter = t1\n");
        assertThat(run(new SimpleConsumerCommand(), ini.toString(), "--register"))
                .as(err.toString())
                .isZero();
        assertThat(db.queryValue("select count(*) from pgq.get_consumer_info('q', 'sc_test')", Long.class))
                .isEqualTo(1);
        produce(db);
        tickPastEverything(db);

        assertThat(run(new SimpleConsumerCommand(), ini.toString()))
                .as(err.toString())
                .isZero();

        List<Map<String, Object>> rows = dst.query("select id, name, ev_type, tick from dst order by id");
        assertThat(rows).extracting(r -> r.get("id")).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(rows.get(0)).containsEntry("name", "näme 1").containsEntry("ev_type", "I:id");
        assertThat(rows.get(5)).containsEntry("name", null).containsEntry("ev_type", "U:id");
        assertThat(rows).allSatisfy(r -> assertThat((Long) r.get("tick")).isGreaterThan(1L));
        assertThat(db.queryValue("select pending_events from pgq.get_consumer_info('q', 'sc_test')", Long.class))
                .isZero();

        assertThat(run(new SimpleConsumerCommand(), ini.toString(), "--unregister"))
                .isZero();
        assertThat(db.queryValue("select count(*) from pgq.get_consumer_info('q', 'sc_test')", Long.class))
                .isZero();
    }

    @Test
    void oldSectionNameAndDeprecatedConsumerFilterStillWork(TestDatabase db) throws Exception {
        createQueue(db);
        TestDatabase dst = target(db);
        Path ini = ini("simple_consumer", db, dst, "consumer_filter = ev_extra1 = 'public.t2'\n");
        assertThat(run(new SimpleConsumerCommand(), ini.toString(), "--register"))
                .isZero();
        produce(db);
        tickPastEverything(db);
        assertThat(run(new SimpleConsumerCommand(), ini.toString()))
                .as(err.toString())
                .isZero();
        assertThat(dst.queryValue("select string_agg(id::text, ',') from dst", String.class))
                .isEqualTo("100");
    }

    @Test
    void unregisteredConsumerFailsWithAHint(TestDatabase db) throws Exception {
        createQueue(db);
        TestDatabase dst = target(db);
        Path ini = ini("simple_consumer3", db, dst, "");
        assertThat(run(new SimpleConsumerCommand(), ini.toString())).isEqualTo(6);
    }

    @Test
    void simpleLocalConsumerTracksTheTickInItsFileAndRetriesLostConnections(TestDatabase db) throws Exception {
        createQueue(db);
        TestDatabase dst = target(db);
        // the first call kills its own backend: sql_retry must reconnect and run it again
        dst.execute("create sequence calls");
        dst.execute("create function apply_row(i_id int, i_name text) returns void as $$"
                + " begin"
                + "   if nextval('calls') = 1 then"
                + "     perform pg_terminate_backend(pg_backend_pid());"
                + "     perform pg_sleep(5);"
                + "   end if;"
                + "   insert into dst (id, name) values (i_id, i_name);"
                + " end $$ language plpgsql");
        Path tickFile = dir.resolve("sc_test.tick");
        Path ini = dir.resolve("local.ini");
        Files.writeString(
                ini,
                "[simple_local_consumer3]\n"
                        + "job_name = sc_test\n"
                        + "src_db = " + db.connString() + "\n"
                        + "dst_db = " + dst.connString() + "\n"
                        + "queue_name = q\n"
                        + "table_filter = t1\n"
                        + "dst_query = select apply_row(%%(id)s, %%(name)s)\n"
                        + "local_tracking_file = " + tickFile + "\n"
                        + "sql_retry = 1\n"
                        + "sql_retry_formula_a = 0\n"
                        + "sql_retry_formula_b = 0\n"
                        + "loop_delay = 0\n");
        // the first start registers the consumer at the queue top
        assertThat(run(new SimpleLocalConsumerCommand(), ini.toString()))
                .as(err.toString())
                .isZero();
        produce(db);
        tickPastEverything(db);

        assertThat(run(new SimpleLocalConsumerCommand(), ini.toString()))
                .as(err.toString())
                .isZero();
        assertThat(dst.queryValue("select string_agg(id::text, ',' order by id) from dst", String.class))
                .isEqualTo("1,2,3,4,5,6");
        assertThat(dst.queryValue("select last_value from calls", Long.class)).isEqualTo(7);
        long queueTick = db.queryValue("select last_tick from pgq.get_consumer_info('q', 'sc_test')", Long.class);
        assertThat(Files.readString(tickFile).strip()).isEqualTo(Long.toString(queueTick));

        assertThat(run(new SimpleLocalConsumerCommand(), ini.toString(), "--reset"))
                .isZero();
        assertThat(tickFile).doesNotExist();
        Files.writeString(tickFile, "1");
        assertThat(run(new SimpleLocalConsumerCommand(), ini.toString(), "--rewind"))
                .isZero();
        assertThat(db.queryValue("select last_tick from pgq.get_consumer_info('q', 'sc_test')", Long.class))
                .isEqualTo(1L);
    }
}
