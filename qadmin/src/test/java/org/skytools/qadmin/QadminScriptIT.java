package org.skytools.qadmin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/** qadmin driven with {@code -c} and {@code -f} scripts against a database with pgq (cli.md §4). */
@PgTest(template = PgqTemplate.class)
@Timeout(60)
class QadminScriptIT {

    @TempDir
    Path dir;

    /** The cells of the table row whose first cell is {@code first}. */
    private static List<String> row(String output, String first) {
        return output.lines()
                .filter(l -> l.contains("|"))
                .map(l -> Arrays.stream(l.split("\\|")).map(String::strip).toList())
                .filter(cells -> cells.get(0).equals(first))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row starting with " + first + " in:\n" + output));
    }

    private static List<String> header(String output, String firstColumn) {
        return row(output, firstColumn);
    }

    @Test
    void createQueueThenShowQueue(TestDatabase db) {
        QadminRun run = QadminRun.on(db, "-c", "create queue events; show queue events");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("CREATE\nQueue \"events\":\n");
        assertThat(header(run.out(), "queue_name"))
                .containsExactly(
                        "queue_name",
                        "tables",
                        "max_count",
                        "max_lag",
                        "idle_period",
                        "paused",
                        "ticker_lag",
                        "ev_per_sec",
                        "ev_new");
        List<String> events = row(run.out(), "events");
        assertThat(events.subList(0, 6)).containsExactly("events", "0/3", "500", "00:00:03", "00:01:00", "f");
        assertThat(run.out()).contains("(1 row)");
        assertThat(db.queryValue("select count(*) from pgq.queue where queue_name = 'events'", Long.class))
                .isEqualTo(1L);
    }

    @Test
    void showQueueWithoutArgumentListsEveryQueueOrTheDefaultOne(TestDatabase db) {
        assertThat(QadminRun.on(db, "-c", "create queue a; create queue b").exitCode())
                .isZero();
        QadminRun all = QadminRun.on(db, "-c", "show queue");
        assertThat(all.out()).startsWith("Queue \"*\":");
        assertThat(row(all.out(), "a")).isNotEmpty();
        assertThat(row(all.out(), "b")).isNotEmpty();
        QadminRun one = QadminRun.on(db, "-Q", "b", "-c", "show queue");
        assertThat(one.out()).startsWith("Queue \"b\":").doesNotContain(" a ").contains("(1 row)");
    }

    @Test
    void registerConsumerThenShowConsumer(TestDatabase db) {
        QadminRun run = QadminRun.on(
                db, "-c", "create queue q; register consumer c1 on q; show consumer c1 on q; show consumer");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("REGISTER\nConsumer \"c1\" on queue \"q\":\n");
        assertThat(run.out()).contains("Consumer \"*\" on queue \"*\":");
        assertThat(header(run.out(), "queue_name"))
                .startsWith("queue_name", "consumer_name", "lag", "last_seen", "last_tick", "current_batch");
        assertThat(row(run.out(), "q").get(1)).isEqualTo("c1");
        assertThat(db.queryValue("select count(*) from pgq.get_consumer_info('q', 'c1')", Long.class))
                .isEqualTo(1L);
    }

    @Test
    void registerRefusesADoubleRegistrationButCopiesAndPositions(TestDatabase db) {
        assertThat(QadminRun.on(db, "-c", "create queue q; register consumer c1 on q")
                        .exitCode())
                .isZero();
        QadminRun again = QadminRun.on(db, "-c", "register consumer c1 on q");
        assertThat(again.exitCode()).isEqualTo(6);
        assertThat(again.err()).isEqualTo("ERROR: consumer \"c1\" is already registered on queue \"q\"\n");

        db.execute("select pgq.ticker('q')");
        db.execute("select pgq.ticker('q')");
        long tick = db.queryValue("select max(tick_id) from pgq.tick", Long.class);
        QadminRun more =
                QadminRun.on(db, "-Q", "q", "-c", "register consumer c2 copy c1; register consumer c3 at " + tick);
        assertThat(more.exitCode()).as(more.toString()).isZero();
        Map<String, Object> c1 = db.query("select last_tick from pgq.get_consumer_info('q', 'c1')")
                .get(0);
        assertThat(db.query("select last_tick from pgq.get_consumer_info('q', 'c2')")
                        .get(0))
                .isEqualTo(c1);
        assertThat(db.queryValue("select last_tick from pgq.get_consumer_info('q', 'c3')", Long.class))
                .isEqualTo(tick);
    }

    @Test
    void unregisterOneOrEveryConsumer(TestDatabase db) {
        QadminRun run = QadminRun.on(
                db,
                "-c",
                "create queue q; register consumer a on q; register consumer b on q; register consumer c on q;"
                        + " unregister consumer a from q");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(db.queryValue(
                        "select string_agg(consumer_name, ',' order by 1) from pgq.get_consumer_info('q')",
                        String.class))
                .isEqualTo("b,c");
        assertThat(QadminRun.on(db, "-Q", "q", "-c", "unregister consumer *").out())
                .isEqualTo("UNREGISTER\n");
        assertThat(db.queryValue("select count(*) from pgq.get_consumer_info('q')", Long.class))
                .isZero();
        QadminRun missing = QadminRun.on(db, "-c", "unregister consumer a from q");
        assertThat(missing.exitCode()).isEqualTo(6);
        assertThat(missing.err()).contains("consumer \"a\" is not registered on queue \"q\"");
    }

    @Test
    void alterQueueSetsTickerSettings(TestDatabase db) {
        QadminRun run = QadminRun.on(
                db,
                "-c",
                "create queue q; create queue r;"
                        + " alter queue q set idle_period='30 seconds', max_count=42, max_lag='7s', paused=1;"
                        + " alter queue * set max_count=9");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).endsWith("ALTER\nALTER\n");
        Map<String, Object> q = db.query(
                        "select queue_ticker_idle_period::text as idle, queue_ticker_max_lag::text as lag,"
                                + " queue_ticker_paused as paused, queue_ticker_max_count as max_count"
                                + " from pgq.queue where queue_name = 'q'")
                .get(0);
        assertThat(q)
                .containsEntry("idle", "00:00:30")
                .containsEntry("lag", "00:00:07")
                .containsEntry("paused", true);
        assertThat(db.queryValue("select string_agg(queue_ticker_max_count::text, ',') from pgq.queue", String.class))
                .isEqualTo("9,9");
        QadminRun unknown = QadminRun.on(db, "-c", "alter queue nosuch set paused=0");
        assertThat(unknown.exitCode()).isEqualTo(6);
        assertThat(unknown.err()).isEqualTo("ERROR: queue \"nosuch\" does not exist\n");
    }

    @Test
    void dropQueue(TestDatabase db) {
        QadminRun run = QadminRun.on(db, "-c", "create queue q; drop queue q;");
        assertThat(run.out()).isEqualTo("CREATE\nDROP\n");
        assertThat(db.queryValue("select count(*) from pgq.queue", Long.class)).isZero();
        QadminRun busy = QadminRun.on(db, "-c", "create queue q; register consumer c on q; drop queue q");
        assertThat(busy.exitCode()).isEqualTo(1);
        assertThat(busy.err()).startsWith("ERROR: ").contains("consumer");
        assertThat(db.queryValue("select count(*) from pgq.queue", Long.class)).isEqualTo(1L);
    }

    @Test
    void sqlPassThroughPrintsRowsAndCommandTags(TestDatabase db) {
        QadminRun run = QadminRun.on(
                db,
                "-c",
                "create table t (id int primary key, name text);"
                        + " insert into t values (1, 'one'), (2, 'two; three');"
                        + " select id, name from t order by id;"
                        + " update t set name = upper(name) where id = 1");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .isEqualTo("CREATE TABLE\n"
                        + "INSERT 0 2\n"
                        + " id |    name\n"
                        + "----+------------\n"
                        + "  1 | one\n"
                        + "  2 | two; three\n"
                        + "(2 rows)\n"
                        + "\n"
                        + "UPDATE 1\n");
    }

    @Test
    void syntaxErrorPointsAtTheWordAndRunsNothing(TestDatabase db) {
        QadminRun run = QadminRun.on(db, "-c", "create queue a; show foo;");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo("ERROR: syntax error at \"foo\": expected one of: batch, help, queue, consumer, node, table,"
                        + " sequence, version\n"
                        + "LINE 1: create queue a; show foo;\n"
                        + "                             ^\n");
        assertThat(db.queryValue("select count(*) from pgq.queue", Long.class)).isZero();
    }

    @Test
    void firstFailureStopsTheScriptWithItsExitCode(TestDatabase db) {
        QadminRun sql = QadminRun.on(db, "-c", "create queue a; select * from nosuch; create queue b");
        assertThat(sql.exitCode()).isEqualTo(1);
        assertThat(sql.out()).isEqualTo("CREATE\n");
        assertThat(sql.err())
                .isEqualTo("ERROR: relation \"nosuch\" does not exist\n"
                        + "LINE 1: create queue a; select * from nosuch; create queue b\n"
                        + "                                      ^\n");
        QadminRun state = QadminRun.on(db, "-c", "create queue a; create queue b");
        assertThat(state.exitCode()).isEqualTo(6);
        assertThat(state.err()).isEqualTo("ERROR: queue \"a\" already exists\n");
        assertThat(db.queryValue("select count(*) from pgq.queue", Long.class)).isEqualTo(1L);
    }

    @Test
    void exitStopsTheScriptSuccessfully(TestDatabase db) {
        QadminRun run = QadminRun.on(db, "-c", "select 1 as x; exit; select 2 as x");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(" 1\n").doesNotContain(" 2\n");
    }

    @Test
    void scriptFileWithCommentsAndLinesAndAnUnterminatedLastStatement(TestDatabase db) throws Exception {
        Path script = dir.resolve("setup.sql");
        Files.writeString(
                script,
                "-- queues for the test\n"
                        + "create queue q1;\n"
                        + "create queue q2; /* two */\n"
                        + "register consumer c\n"
                        + "    on q1;\n"
                        + "show queue *");
        QadminRun run = QadminRun.on(db, "-f", script.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .startsWith("CREATE\nCREATE\nREGISTER\nQueue \"*\":")
                .contains("(2 rows)");

        Path bad = dir.resolve("bad.sql");
        Files.writeString(bad, "create queue q3;\n\nregister consumer c on ;\n");
        QadminRun failed = QadminRun.on(db, "-f", bad.toString());
        assertThat(failed.exitCode()).isEqualTo(2);
        assertThat(failed.err())
                .isEqualTo("ERROR: syntax error at \";\": expected <queue>\n"
                        + "LINE 3: register consumer c on ;\n"
                        + "                               ^\n");
    }

    @Test
    void missingScriptFileIsAUsageError(TestDatabase db) {
        QadminRun run = QadminRun.on(db, "-f", dir.resolve("nosuch.sql").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("ERROR: cannot read script file \"");
    }

    @Test
    void showBatchOfTheDefaultQueue(TestDatabase db) {
        QadminRun setup = QadminRun.on(db, "-c", "create queue q; register consumer c on q");
        assertThat(setup.exitCode()).isZero();
        db.execute("select pgq.insert_event('q', 'greeting', 'hello')");
        db.execute("select pgq.ticker('q')");
        long batch = db.queryValue("select pgq.next_batch('q', 'c')", Long.class);

        QadminRun byConsumer = QadminRun.on(db, "-Q", "q", "-c", "show batch c");
        assertThat(byConsumer.exitCode()).as(byConsumer.toString()).isZero();
        assertThat(byConsumer.out())
                .startsWith("Batch events:\n")
                .contains("greeting")
                .contains("hello");
        QadminRun byId = QadminRun.on(db, "-Q", "q", "-c", "show batch " + batch);
        assertThat(byId.out()).isEqualTo(byConsumer.out());

        QadminRun noQueue = QadminRun.on(db, "-c", "show batch c");
        assertThat(noQueue.exitCode()).isEqualTo(6);
        assertThat(noQueue.err()).contains("default queue");
    }

    @Test
    void connectSetsTheDefaultQueueAfterCheckingIt(TestDatabase db) {
        QadminRun run = QadminRun.on(db, "-c", "create queue q; connect queue=q; show queue; register consumer c;");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("CONNECT\nQueue \"q\":");
        assertThat(db.queryValue("select count(*) from pgq.get_consumer_info('q', 'c')", Long.class))
                .isEqualTo(1L);
        QadminRun missing = QadminRun.on(db, "-c", "connect queue=nosuch");
        assertThat(missing.exitCode()).isEqualTo(6);
        assertThat(missing.err()).startsWith("ERROR: queue \"nosuch\" does not exist in database \"" + db.name());
    }

    @Test
    void connectToAnotherDatabaseKeepsHostAndPort(TestDatabase db) {
        QadminRun run = QadminRun.on(db, "-c", "connect dbname=postgres; select current_database() as db");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("qadmin (").contains("CONNECT\n").contains(" postgres\n");
    }

    @Test
    void showTableAndSequencePrintDdl(TestDatabase db) {
        db.execute("create table public.items (id serial primary key, name text not null)");
        QadminRun run = QadminRun.on(db, "-c", "show table items; show sequence public.items_id_seq");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .startsWith("-".repeat(64) + "\ncreate table public.items (")
                .contains("name text not null")
                .contains("PRIMARY KEY (id)")
                .containsPattern("(?i)create sequence public.items_id_seq");
        QadminRun missing = QadminRun.on(db, "-c", "show table nosuch");
        assertThat(missing.exitCode()).isEqualTo(6);
    }

    @Test
    void showHelpAndVersion(TestDatabase db) {
        QadminRun run = QadminRun.on(db, "-c", "show help; show version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("create queue QUEUE;")
                .contains("register subconsumer SUB for CONSUMER")
                .contains("londiste add table")
                .containsPattern("qadmin version \\S+\nserver version \\d+.*\npgq version 3\\.\\d+");
    }

    @Test
    void londisteCommandsNeedADefaultQueueAndTheSchema(TestDatabase db) {
        QadminRun noQueue = QadminRun.on(db, "-c", "londiste tables");
        assertThat(noQueue.exitCode()).isEqualTo(6);
        assertThat(noQueue.err()).contains("default queue");
        db.execute("drop schema londiste cascade");
        QadminRun noSchema = QadminRun.on(db, "-c", "create queue q; connect queue=q; londiste add table t");
        assertThat(noSchema.exitCode()).isEqualTo(5);
        assertThat(noSchema.err()).contains("schema \"londiste\" is not installed");
    }

    @Test
    void londisteStatementsAddListAndRemoveTablesAndSequencesOnARootNode(TestDatabase db) {
        db.execute("select * from pgq_node.register_location('rq', 'root1', 'dbname=x', false)");
        db.execute("select * from pgq_node.create_node('rq', 'root', 'root1', 'rw', null, null, null)");
        db.execute("create table public.acct (id int primary key, bal int)");
        db.execute("create table public.nokey (v int)");
        db.execute("create sequence public.ids");

        QadminRun add = QadminRun.on(
                db,
                "-c",
                "connect queue=rq; londiste add table acct with ev_ignore='bal', backup;"
                        + " londiste add sequence ids; londiste tables; londiste seqs; londiste missing");
        assertThat(add.exitCode()).as(add.toString()).isZero();
        assertThat(row(add.out(), "public.acct")).contains("ok");
        assertThat(row(add.out(), "public.ids")).isNotEmpty();
        assertThat(add.out()).contains("public.nokey");
        assertThat(db.queryValue(
                        "select count(*) from londiste.table_info where queue_name = 'rq' and local", Long.class))
                .isEqualTo(1L);
        String trigger = db.queryValue(
                "select pg_get_triggerdef(oid) from pg_trigger where tgrelid = 'public.acct'::regclass"
                        + " and tgname = '_londiste_rq'",
                String.class);
        assertThat(trigger)
                .contains("pgq.logutriga")
                .contains("'rq'")
                .contains("ignore=bal")
                .contains("backup");
        // the capture works: a write on the table becomes an event of the queue
        db.execute("insert into public.acct values (1, 10)");
        assertThat(db.queryValue(
                        "select string_agg(ev_data, ';') from pgq.event_template where ev_type like 'I:%'",
                        String.class))
                .isEqualTo("id=1");

        QadminRun nokey = QadminRun.on(db, "-c", "connect queue=rq; londiste add table nokey");
        assertThat(nokey.exitCode()).as(nokey.toString()).isNotZero();
        assertThat(nokey.err()).contains("nokey");

        QadminRun remove =
                QadminRun.on(db, "-c", "connect queue=rq; londiste remove table acct; londiste remove sequence ids");
        assertThat(remove.exitCode()).as(remove.toString()).isZero();
        assertThat(db.queryValue("select count(*) from londiste.table_info where queue_name = 'rq'", Long.class))
                .isZero();
        assertThat(db.queryValue("select count(*) from londiste.seq_info where queue_name = 'rq'", Long.class))
                .isZero();
        assertThat(db.queryValue("select count(*) from pg_trigger where tgrelid = 'public.acct'::regclass", Long.class))
                .isZero();
    }

    @Test
    void subconsumersRegisterAndUnregister(TestDatabase db) {
        QadminRun run = QadminRun.on(
                db,
                "-c",
                "create queue q; register subconsumer s1 for c on q; register subconsumer s2 on q for c;"
                        + " show consumer * on q");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("CREATE\nREGISTER\nREGISTER\n");
        assertThat(db.queryValue(
                        "select string_agg(consumer_name, ',' order by 1) from pgq.get_consumer_info('q')",
                        String.class))
                .isEqualTo("c,c.s1,c.s2");
        QadminRun again = QadminRun.on(db, "-Q", "q", "-c", "register subconsumer s1 for c");
        assertThat(again.exitCode()).isEqualTo(6);
        assertThat(again.err())
                .isEqualTo("ERROR: subconsumer \"s1\" of consumer \"c\" is already registered on queue \"q\"\n");

        QadminRun one = QadminRun.on(db, "-c", "unregister subconsumer s1 for c from q");
        assertThat(one.exitCode()).as(one.toString()).isZero();
        assertThat(db.queryValue(
                        "select string_agg(consumer_name, ',' order by 1) from pgq.get_consumer_info('q')",
                        String.class))
                .isEqualTo("c,c.s2");
        QadminRun all = QadminRun.on(db, "-Q", "q", "-c", "unregister subconsumer * for c close batch");
        assertThat(all.out()).isEqualTo("UNREGISTER\n");
        assertThat(db.queryValue(
                        "select string_agg(consumer_name, ',' order by 1) from pgq.get_consumer_info('q')",
                        String.class))
                .isEqualTo("c");
    }
}
