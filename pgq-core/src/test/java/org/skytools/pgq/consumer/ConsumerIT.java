package org.skytools.pgq.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.skytools.common.daemon.Stats;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.pgq.ConsumerInfo;
import org.skytools.pgq.Event;
import org.skytools.pgq.NextBatchInfo;
import org.skytools.pgq.PgqClient;
import org.skytools.pgq.testsupport.PgqTemplate;
import org.skytools.pgq.testsupport.TestQueues;
import org.skytools.sql.SchemaInstaller;
import org.skytools.sql.SqlSchema;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

@PgTest(template = PgqTemplate.class)
@Timeout(120)
class ConsumerIT {
    private static final ConsumerSettings SETTINGS = ConsumerSettings.of("q", "c");

    /** What a handler saw: batch ids and events, in order. */
    static final class Seen implements BatchHandler {
        final List<Long> batches = new ArrayList<>();
        final List<Event> events = new ArrayList<>();

        @Override
        public void handle(Batch batch) {
            batches.add(batch.id());
            batch.events().forEach(events::add);
        }

        List<String> data() {
            return events.stream().map(Event::data).toList();
        }
    }

    private static void setUpQueue(TestDatabase db, boolean register) throws SQLException {
        try (Connection c = db.connect()) {
            PgqClient pgq = new PgqClient(c);
            pgq.createQueue("q");
            if (register) {
                pgq.registerConsumer("q", "c");
            }
        }
    }

    private static void produce(TestDatabase db, int n, String extra1) throws SQLException {
        try (Connection c = db.connect()) {
            PgqClient pgq = new PgqClient(c);
            for (int i = 0; i < n; i++) {
                pgq.insertEvent("q", "I:id", "id=" + i, extra1, null, null, null);
            }
            TestQueues.tick(c, "q");
        }
    }

    @Test
    void rowsOfADatabaseThatIsNotUtf8AreReadInItsEncoding(TestDatabase db) throws Exception {
        String name = "consumer_latin1";
        db.cluster().dropDatabase(name);
        db.execute("create database " + name + " template template0 encoding 'LATIN1' lc_collate 'C' lc_ctype 'C'");
        TestDatabase latin = new TestDatabase(db.cluster(), name);
        try (Connection c = latin.connect()) {
            new SchemaInstaller().applyWithRequirements(c, SqlSchema.PGQ);
        }
        setUpQueue(latin, true);
        latin.execute("create table words (id int4 primary key, word text)");
        latin.execute("create trigger capture after insert on words for each row execute procedure pgq.logutriga('q')");
        latin.execute("insert into words values (1, 'café Größe §°±')");
        try (Connection c = latin.connect()) {
            TestQueues.tick(c, "q");
        }
        Seen seen = new Seen();
        try (ConnectionSource src = new JdbcConnectionSource(latin.jdbcUrl())) {
            assertThat(new Consumer(SETTINGS, src, seen).work(new Stats())).isTrue();
        }
        assertThat(seen.events).hasSize(1);
        assertThat(seen.events.get(0).data())
                .as("the trigger escapes the LATIN1 bytes")
                .containsIgnoringCase("caf%e9");
        assertThat(seen.events.get(0).row()).containsEntry("word", "café Größe §°±");
    }

    @Test
    void processesABatchFinishesItAndReportsStats(TestDatabase db) throws Exception {
        setUpQueue(db, true);
        produce(db, 10, "public.t");
        Seen seen = new Seen();
        try (ConnectionSource src = new JdbcConnectionSource(db.jdbcUrl())) {
            Stats stats = new Stats();
            Consumer consumer = new Consumer(SETTINGS, src, seen);
            assertThat(consumer.work(stats)).isTrue();
            assertThat(consumer.work(stats)).as("no new tick").isFalse();
            assertThat(seen.events).hasSize(10);
            assertThat(seen.events.get(3).row()).containsEntry("id", "3");
            assertThat(stats.get("count")).isEqualTo(10L);
            assertThat(stats.get("duration")).isNotNull();
            ConsumerInfo info =
                    new PgqClient(src.connection()).getConsumerInfo("q", "c").orElseThrow();
            assertThat(info.currentBatch()).isNull();
            assertThat(info.lastTick()).isEqualTo(2L);
        }
    }

    @Test
    void q24_eventsTaggedForRetryComeBackInALaterBatch(TestDatabase db) throws Exception {
        setUpQueue(db, true);
        produce(db, 4, "public.t");
        List<Event> firstRound = new ArrayList<>();
        List<Event> secondRound = new ArrayList<>();
        BatchHandler handler = batch -> {
            for (Event ev : batch.events()) {
                if (ev.retry() == null) {
                    firstRound.add(ev);
                    if (ev.row().get("id").equals("1") || ev.row().get("id").equals("2")) {
                        ev.tagRetry(0);
                    }
                    if (ev.row().get("id").equals("2")) {
                        ev.tagDone();
                    }
                } else {
                    secondRound.add(ev);
                }
            }
        };
        try (ConnectionSource src = new JdbcConnectionSource(db.jdbcUrl());
                Connection admin = db.connect()) {
            Stats stats = new Stats();
            Consumer consumer = new Consumer(SETTINGS, src, handler);
            assertThat(consumer.work(stats)).isTrue();
            assertThat(stats.get("retry-events")).isEqualTo(1L);
            assertThat(new PgqClient(admin).maintRetryEvents()).isEqualTo(1);
            TestQueues.tick(admin, "q");
            assertThat(consumer.work(stats)).isTrue();
        }
        assertThat(firstRound).hasSize(4);
        assertThat(secondRound).singleElement().satisfies(ev -> {
            assertThat(ev.row()).containsEntry("id", "1");
            assertThat(ev.retry()).isEqualTo(1);
        });
    }

    @Test
    void q4_failureInTheHandlerDeliversTheSameBatchAgain(TestDatabase db) throws Exception {
        setUpQueue(db, true);
        produce(db, 5, "public.t");
        AtomicBoolean fail = new AtomicBoolean(true);
        Seen seen = new Seen();
        BatchHandler handler = batch -> {
            seen.handle(batch);
            if (fail.getAndSet(false)) {
                throw new IllegalStateException("target is down");
            }
        };
        try (ConnectionSource src = new JdbcConnectionSource(db.jdbcUrl())) {
            Stats stats = new Stats();
            Consumer consumer = new Consumer(SETTINGS, src, handler);
            assertThatThrownBy(() -> consumer.work(new Stats())).hasMessage("target is down");
            src.reset();
            assertThat(consumer.work(stats)).isTrue();
        }
        assertThat(seen.batches).hasSize(2).containsOnly(seen.batches.get(0));
        assertThat(seen.data()).hasSize(10);
        assertThat(seen.data().subList(0, 5)).isEqualTo(seen.data().subList(5, 10));
    }

    @Test
    void q4_crashBetweenProcessingAndFinishDeliversTheSameBatchAgain(TestDatabase db) throws Exception {
        setUpQueue(db, true);
        produce(db, 3, "public.t");
        AtomicBoolean crash = new AtomicBoolean(true);
        List<Long> finished = new ArrayList<>();
        BatchListener listener = new BatchListener() {
            @Override
            public void batchProcessed(NextBatchInfo batch) {
                if (crash.getAndSet(false)) {
                    throw new IllegalStateException("killed before finish_batch");
                }
            }

            @Override
            public void batchFinished(NextBatchInfo batch, long eventCount) {
                finished.add(batch.batchId());
            }
        };
        Seen seen = new Seen();
        try (ConnectionSource src = new JdbcConnectionSource(db.jdbcUrl())) {
            Consumer consumer =
                    new Consumer(SETTINGS, src, new QueueBatchSource(SETTINGS), seen, listener, Clock.systemUTC());
            assertThatThrownBy(() -> consumer.work(new Stats())).hasMessageContaining("killed");
            assertThat(consumer.work(new Stats())).isTrue();
        }
        assertThat(seen.batches).hasSize(2).containsOnly(finished.get(0));
        assertThat(seen.data()).containsExactly("id=0", "id=1", "id=2", "id=0", "id=1", "id=2");
    }

    @ParameterizedTest(name = "lazy fetch {0}")
    @ValueSource(ints = {0, 2, 300})
    void tableFilterDeliversOnlyTheListedTables(int lazyFetch, TestDatabase db) throws Exception {
        setUpQueue(db, true);
        try (Connection c = db.connect()) {
            PgqClient pgq = new PgqClient(c);
            for (int i = 0; i < 9; i++) {
                String table = List.of("public.a", "public.b", "other.c").get(i % 3);
                pgq.insertEvent("q", "I:id", "id=" + i, table, null, null, null);
            }
            TestQueues.tick(c, "q");
        }
        ConsumerSettings s = SETTINGS.withEventFilter(ConsumerSettings.tableFilter(List.of("a", "other.c")))
                .withLazyFetch(lazyFetch);
        Seen seen = new Seen();
        try (ConnectionSource src = new JdbcConnectionSource(db.jdbcUrl())) {
            new Consumer(s, src, seen).work(new Stats());
        }
        assertThat(seen.events).extracting(Event::extra1).containsOnly("public.a", "other.c");
        assertThat(seen.data()).containsExactly("id=0", "id=2", "id=3", "id=5", "id=6", "id=8");
    }

    @Test
    void autocommitSourceLoadsWholeBatches(TestDatabase db) throws Exception {
        setUpQueue(db, true);
        produce(db, 3, "public.t");
        ConsumerSettings s =
                new ConsumerSettings("q", "c", null, 0, true, null, null, null, ConsumerSettings.DEFAULT_KEEPALIVE);
        Seen seen = new Seen();
        try (ConnectionSource src = new JdbcConnectionSource(db.jdbcUrl(), new java.util.Properties(), true)) {
            Stats stats = new Stats();
            Consumer consumer = new Consumer(s, src, seen);
            assertThat(consumer.work(stats)).isTrue();
            assertThat(consumer.work(stats)).isFalse();
        }
        assertThat(seen.events).hasSize(3);
    }

    @Test
    void keepLagHoldsBatchesBack(TestDatabase db) throws Exception {
        setUpQueue(db, true);
        produce(db, 1, "public.t");
        ConsumerSettings s = new ConsumerSettings(
                "q", "c", null, 300, false, null, null, "1 hour", ConsumerSettings.DEFAULT_KEEPALIVE);
        try (ConnectionSource src = new JdbcConnectionSource(db.jdbcUrl())) {
            assertThat(new Consumer(s, src, new Seen()).work(new Stats())).isFalse();
            assertThat(new Consumer(SETTINGS, src, new Seen()).work(new Stats()))
                    .isTrue();
        }
    }

    @Test
    void eventsCanBeReadOnlyOnce(TestDatabase db) throws Exception {
        setUpQueue(db, true);
        produce(db, 1, "public.t");
        BatchHandler twice = batch -> {
            batch.events().forEach(e -> {});
            batch.events().iterator();
        };
        try (ConnectionSource src = new JdbcConnectionSource(db.jdbcUrl())) {
            assertThatThrownBy(() -> new Consumer(SETTINGS, src, twice).work(new Stats()))
                    .hasMessageContaining("only once");
        }
    }

    @Test
    void handlerMayStopReadingEarly(TestDatabase db) throws Exception {
        setUpQueue(db, true);
        produce(db, 10, "public.t");
        BatchHandler firstOnly = batch -> batch.events().iterator().next();
        try (ConnectionSource src = new JdbcConnectionSource(db.jdbcUrl())) {
            Stats stats = new Stats();
            Consumer consumer = new Consumer(SETTINGS.withLazyFetch(3), src, firstOnly);
            assertThat(consumer.work(stats)).isTrue();
            assertThat(stats.get("count")).isEqualTo(1L);
        }
    }

    @Test
    void registerAndUnregisterAreExplicit(TestDatabase db) throws Exception {
        setUpQueue(db, false);
        try (ConnectionSource src = new JdbcConnectionSource(db.jdbcUrl())) {
            Stats stats = new Stats();
            Consumer consumer = new Consumer(SETTINGS, src, new Seen());
            assertThatThrownBy(() -> consumer.work(new Stats()))
                    .isInstanceOf(SkyToolsException.class)
                    .hasMessage("consumer \"c\" is not registered on queue \"q\"; register it with --register")
                    .satisfies(e -> assertThat(((SkyToolsException) e).kind()).isEqualTo(ErrorKind.STATE));
            assertThat(consumer.register()).isEqualTo(1);
            assertThat(consumer.register()).isEqualTo(0);
            assertThat(consumer.work(stats)).isFalse();
            assertThat(consumer.unregister()).isEqualTo(1);
            assertThat(new PgqClient(src.connection()).getConsumerInfo("q", "c"))
                    .isEmpty();
        }
    }

    @Test
    void missingQueueIsAStateError(TestDatabase db) throws Exception {
        try (ConnectionSource src = new JdbcConnectionSource(db.jdbcUrl())) {
            assertThatThrownBy(() -> new Consumer(SETTINGS, src, new Seen()).work(new Stats()))
                    .isInstanceOf(SkyToolsException.class)
                    .hasMessageStartingWith("queue \"q\" does not exist");
        }
    }
}
