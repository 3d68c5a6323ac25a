package org.skytools.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;
import org.slf4j.LoggerFactory;

@PgTest
@Timeout(120)
class SchemaInstallerIT {
    private static final SchemaVersion BUNDLED =
            SchemaBundle.load(SqlSchema.PGQ, new IncludeResolver()).version();

    private final SchemaInstaller installer = new SchemaInstaller();

    @Test
    void installsIntoAnEmptyDatabaseAndLogsIt(TestDatabase db) throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(SchemaInstaller.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        InstallOutcome outcome;
        try (Connection c = db.connect()) {
            outcome = installer.apply(c, SqlSchema.PGQ);
            assertThat(c.getAutoCommit()).isTrue();
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(outcome.action()).isEqualTo(InstallOutcome.Action.INSTALLED);
        assertThat(outcome.before()).isNull();
        assertThat(outcome.after()).isEqualTo(BUNDLED);
        assertThat(db.queryValue("select pgq.version()", String.class)).isEqualTo(BUNDLED.text());
        assertThat(db.queryValue(
                        "select count(*) from pg_roles where rolname in ('pgq_reader', 'pgq_writer', 'pgq_admin')",
                        Long.class))
                .isEqualTo(3L);
        assertThat(db.queryValue("select pgq.create_queue('q')", Integer.class)).isEqualTo(1);
        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).contains("installed pgq " + BUNDLED);
    }

    @Test
    void secondRunChangesNothing(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            installer.apply(c, SqlSchema.PGQ);
        }
        String before = functionRows(db);

        InstallOutcome outcome;
        try (Connection c = db.connect()) {
            outcome = installer.apply(c, SqlSchema.PGQ);
        }

        assertThat(outcome.action()).isEqualTo(InstallOutcome.Action.UNCHANGED);
        assertThat(outcome.before()).isEqualTo(BUNDLED);
        // the row versions of the functions prove that nothing was replaced
        assertThat(functionRows(db)).isEqualTo(before);
    }

    @Test
    void upgradesAnOlderInstallKeepingQueuesConsumersAndEvents(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            installer.apply(c, SqlSchema.PGQ);
        }
        db.query("select pgq.create_queue('keep')");
        db.query("select pgq.register_consumer('keep', 'reader')");
        db.query("select pgq.insert_event('keep', 'type', 'before upgrade')");
        db.query("select pgq.force_tick('keep')");
        db.query("select pgq.ticker()");
        pretendOlderRelease(db, "3.4.1");

        InstallOutcome outcome;
        try (Connection c = db.connect()) {
            outcome = installer.apply(c, SqlSchema.PGQ);
        }

        assertThat(outcome.action()).isEqualTo(InstallOutcome.Action.UPGRADED);
        assertThat(outcome.before()).hasToString("3.4.1");
        assertThat(outcome.after()).isEqualTo(BUNDLED);
        assertThat(db.queryValue("select pgq.version()", String.class)).isEqualTo(BUNDLED.text());
        assertThat(db.queryValue(
                        "select has_function_privilege('public', 'pgq.create_queue(text)', 'execute')", Boolean.class))
                .isFalse();
        Long batch = db.queryValue("select pgq.next_batch('keep', 'reader')", Long.class);
        assertThat(batch).isNotNull();
        assertThat(db.queryValue("select string_agg(ev_data, ',') from pgq.get_batch_events(?)", String.class, batch))
                .isEqualTo("before upgrade");
        assertThat(db.queryValue("select queue_extra_maint is null from pgq.queue", Boolean.class))
                .isTrue();
    }

    @Test
    void upgradedSchemaEqualsAFreshInstall(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            installer.apply(c, SqlSchema.PGQ);
        }
        String fresh = catalog(db);
        pretendOlderRelease(db, "3.2.6");

        try (Connection c = db.connect()) {
            installer.apply(c, SqlSchema.PGQ);
        }

        assertThat(catalog(db)).isEqualTo(fresh);
    }

    @Test
    void refusesANewerInstallAndChangesNothing(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            installer.apply(c, SqlSchema.PGQ);
        }
        setVersion(db, "3.9");
        String before = functionRows(db);

        try (Connection c = db.connect()) {
            assertThatThrownBy(() -> installer.apply(c, SqlSchema.PGQ))
                    .isInstanceOf(SkyToolsException.class)
                    .hasMessage("installed pgq 3.9 is newer than this release's " + BUNDLED + "; upgrade SkyTools")
                    .extracting(e -> ((SkyToolsException) e).kind())
                    .isEqualTo(ErrorKind.SCHEMA_VERSION);
            assertThat(c.getAutoCommit()).isTrue();
        }
        assertThat(db.queryValue("select pgq.version()", String.class)).isEqualTo("3.9");
        assertThat(functionRows(db)).isEqualTo(before);
    }

    @Test
    void refusesASchemaWithoutVersionFunction(TestDatabase db) throws Exception {
        db.execute("create schema pgq");

        try (Connection c = db.connect()) {
            assertThatThrownBy(() -> installer.apply(c, SqlSchema.PGQ))
                    .isInstanceOf(SkyToolsException.class)
                    .hasMessageStartingWith("schema \"pgq\" exists but has no version() function");
        }
        assertThat(db.queryValue("select count(*) from pg_tables where schemaname = 'pgq'", Long.class))
                .isZero();
    }

    @Test
    void racingInstallersInstallOnce(TestDatabase db) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<InstallOutcome>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> {
                    try (Connection c = db.connect()) {
                        start.await();
                        return installer.apply(c, SqlSchema.PGQ);
                    }
                }));
            }
            start.countDown();
            List<InstallOutcome.Action> actions = new ArrayList<>();
            for (Future<InstallOutcome> f : results) {
                actions.add(f.get(60, TimeUnit.SECONDS).action());
            }
            assertThat(actions)
                    .containsExactlyInAnyOrder(InstallOutcome.Action.INSTALLED, InstallOutcome.Action.UNCHANGED);
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.queryValue("select pgq.version()", String.class)).isEqualTo(BUNDLED.text());
    }

    /** Makes the database look like an install of an older release: other version, old grants. */
    private static void pretendOlderRelease(TestDatabase db, String version) throws Exception {
        setVersion(db, version);
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute("grant execute on function pgq.create_queue(text) to public");
            st.execute("drop function pgq.seq_setval(text, int8)");
            st.execute("alter table pgq.queue drop column queue_extra_maint");
            st.execute("alter table pgq.subscription alter column sub_last_tick set not null");
        }
    }

    private static void setVersion(TestDatabase db, String version) {
        db.execute("create or replace function pgq.version() returns text as $$ begin return '" + version
                + "'; end; $$ language plpgsql");
    }

    private static String functionRows(TestDatabase db) {
        return db.queryValue(
                "select string_agg(line, E'\\n' order by line) from (select p.oid::regprocedure::text || ' '"
                        + " || p.xmin::text as line from pg_proc p where p.pronamespace = 'pgq'::regnamespace) x",
                String.class);
    }

    /** Functions, columns and privileges of the pgq schema, leaving out per-queue tables. */
    private static String catalog(TestDatabase db) {
        String functions = db.queryValue(
                "select string_agg(line, E'\\n' order by line) from (select p.oid::regprocedure::text"
                        + " || ' returns ' || pg_get_function_result(p.oid) || ' ' || p.prosecdef || ' '"
                        + " || p.provolatile::text || ' ' || coalesce(p.proacl::text, '-') || ' ' || md5(p.prosrc)"
                        + " as line from pg_proc p where p.pronamespace = 'pgq'::regnamespace) x",
                String.class);
        String columns = db.queryValue(
                "select string_agg(line, E'\\n' order by line) from (select c.relname || '.' || a.attname"
                        + " || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull || ' '"
                        + " || coalesce(pg_get_expr(d.adbin, d.adrelid), '-') as line"
                        + " from pg_class c join pg_attribute a on a.attrelid = c.oid"
                        + " left join pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum"
                        + " where c.relnamespace = 'pgq'::regnamespace and a.attnum > 0 and not a.attisdropped"
                        + " and c.relname !~ '^event_[0-9]') x",
                String.class);
        String grants = db.queryValue(
                "select string_agg(line, E'\\n' order by line) from (select c.relname || ' '"
                        + " || coalesce(c.relacl::text, '-') as line from pg_class c"
                        + " where c.relnamespace = 'pgq'::regnamespace and c.relname !~ '^event_[0-9]') x",
                String.class);
        return functions + "\n" + columns + "\n" + grants;
    }
}
