package org.skytools.qadmin.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.skytools.common.db.ConnectString;
import org.skytools.common.db.DbConnector;
import org.skytools.qadmin.PgqTemplate;
import org.skytools.qadmin.exec.Session;
import org.skytools.qadmin.lang.NameKind;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/** The names completion offers, read from a real database. */
@PgTest(template = PgqTemplate.class)
@Timeout(60)
class NameLookupIT {

    @TempDir
    Path dir;

    @Test
    void namesOfEveryKindComeFromTheDatabase(TestDatabase db) throws Exception {
        db.execute("select pgq.create_queue('events')");
        db.execute("select pgq.create_queue('Mixed Case')");
        db.execute("select pgq.register_consumer('events', 'reader')");
        db.execute("create schema app");
        db.execute("create table app.orders (id serial primary key)");
        db.execute("create table public.\"Items\" (id int)");
        db.execute("select pgq.insert_event('events', 't', 'd')");
        db.execute("select pgq.ticker('events')");
        long batch = db.queryValue("select pgq.next_batch('events', 'reader')", Long.class);
        Path hosts = dir.resolve("hosts");
        Files.writeString(
                hosts, "127.0.0.1 localhost\n# comment\n10.0.0.5 db-main db-main.example.com\n::1 ip6-loopback\n");

        try (Session session =
                Session.open(new DbConnector("qadmin-test"), ConnectString.parse(db.connString()), null)) {
            NameLookup names = new NameLookup(session, hosts);
            assertThat(names.names(NameKind.QUEUE)).containsExactly("\"Mixed Case\"", "events");
            assertThat(names.names(NameKind.CONSUMER)).containsExactly("reader");
            assertThat(names.names(NameKind.TABLE)).containsExactly("app.orders", "public.\"Items\"");
            assertThat(names.names(NameKind.SEQUENCE)).containsExactly("app.orders_id_seq");
            assertThat(names.names(NameKind.DATABASE)).contains(db.name(), "postgres");
            assertThat(names.names(NameKind.USER)).contains(db.cluster().superuser());
            assertThat(names.names(NameKind.HOST)).containsExactly("db-main", "db-main.example.com", "localhost");
            // batches need a default queue
            assertThat(names.names(NameKind.BATCH_ID)).isEmpty();
            session.setQueue("events");
            names.invalidate();
            assertThat(names.names(NameKind.BATCH_ID)).containsExactly(String.valueOf(batch));
            // tables not yet registered with londiste are offered for "londiste add table"
            assertThat(names.names(NameKind.NEW_TABLE)).containsExactly("app.orders", "public.\"Items\"");
            // without the londiste schema: nothing to offer, and no error
            db.execute("drop schema londiste cascade");
            names.invalidate();
            assertThat(names.names(NameKind.NEW_TABLE)).isEmpty();

            assertThat(names.names(NameKind.QUEUE)).hasSize(2);
            db.execute("select pgq.create_queue('later')");
            assertThat(names.names(NameKind.QUEUE))
                    .as("cached until invalidated")
                    .doesNotContain("later");
            names.invalidate();
            assertThat(names.names(NameKind.QUEUE)).contains("later");
        }
    }
}
