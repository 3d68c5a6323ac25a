package org.skytools.londiste.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.testkit.ClusterGroup;
import org.skytools.testkit.PgCluster;
import org.skytools.testkit.PgTest;

/**
 * A root whose database is not UTF8 (L-24): its capture trigger urlencodes the bytes of its own
 * encoding, and the leaf's replay must read them in that encoding, as the original made the
 * target session speak the source's encoding. compare and repair work across the two encodings.
 */
@PgTest(clusters = 1)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class EncodingIT extends CliFixture {

    @Test
    void l24_latin1RootReplaysItsTextIntoAUtf8Leaf(ClusterGroup group) throws Exception {
        PgCluster pg = group.get(0);
        String r = "enc_root";
        String l = "enc_leaf";
        latin1RootAndUtf8Leaf(pg, r, l);
        Path rootIni = nodes.config("encroot", pg, r);
        Path leafIni = nodes.config("encleaf", pg, l);
        String table = "create table words (id int4 primary key, w text, c char(6))";
        sql(pg, r, table, "insert into words values (1, 'café', 'Größe'), (2, 'naïve ½', 'ñ')");
        sql(pg, l, table);
        assertThat(Nodes.run(rootIni, "create-root", "root", pg.connString(r))).isZero();
        assertThat(Nodes.run(leafIni, "create-leaf", "leaf", pg.connString(l), "--provider=" + pg.connString(r)))
                .isZero();
        fastTicks(pg, r, "replq");
        startTicker(new TickTarget(pg, r));
        nodes.startWorker(rootIni);
        nodes.startWorker(leafIni);
        assertThat(Nodes.run(rootIni, "add-table", "words")).isZero();
        assertThat(Nodes.run(leafIni, "add-table", "words")).isZero();
        awaitOk(pg, l, "public.words");

        // replayed rows, through the urlencoded events of the LATIN1 root
        sql(
                pg,
                r,
                "insert into words values (3, 'Ærø å þorn', '§°±'), (4, 'plain', null)",
                "update words set w = w || ' ¿qué?' where id = 1",
                "delete from words where id = 2");
        // char(n) loses its padding in the concatenation
        String expected = "1 café ¿qué? Größe|3 Ærø å þorn §°±|4 plain ";
        String query = "select string_agg(id || ' ' || w || ' ' || coalesce(c, ''), '|' order by id) from words";
        assertThat(text(pg, r, query)).isEqualTo(expected);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> expected.equals(text(pg, l, query)));
        // the checksums hash each side's UTF-8 text: equal rows match, a changed one does not
        assertThat(Nodes.run(leafIni, "compare")).isZero();
        sql(pg, l, "set session_replication_role = replica", "update words set c = 'Grösse' where id = 1");
        assertThat(Nodes.run(leafIni, "compare")).isEqualTo(1);
        assertThat(nodes.runIn(dir, leafIni, "repair", "--apply")).isEqualTo(1);
        assertThat(text(pg, l, "select c from words where id = 1")).isEqualTo("Größe ");
        assertThat(Nodes.run(leafIni, "compare")).isZero();
    }

    @Test
    void l24_obfuscateHandlerKeepsTheTextOfALatin1Root(ClusterGroup group) throws Exception {
        PgCluster pg = group.get(0);
        String r = "encobf_root";
        String l = "encobf_leaf";
        latin1RootAndUtf8Leaf(pg, r, l);
        Path rules = dir.resolve("obfuscate.yaml");
        Files.writeString(rules, "public.words:\n  id: keep\n  w: keep\n  c: bool\n");
        Path rootIni = nodes.config("obfroot", pg, r);
        Path leafIni = nodes.config(
                "obfleaf",
                pg,
                l,
                "handler_modules = londiste.handlers.obfuscate",
                "obfuscator_map = " + rules,
                "obfuscator_key = 123");
        String table = "create table words (id int4 primary key, w text, c text)";
        sql(pg, r, table, "insert into words values (1, 'café', 'x')");
        sql(pg, l, table);
        assertThat(Nodes.run(rootIni, "create-root", "root", pg.connString(r))).isZero();
        assertThat(Nodes.run(leafIni, "create-leaf", "leaf", pg.connString(l), "--provider=" + pg.connString(r)))
                .isZero();
        fastTicks(pg, r, "replq");
        startTicker(new TickTarget(pg, r));
        nodes.startWorker(leafIni);
        assertThat(Nodes.run(rootIni, "add-table", "words")).isZero();
        assertThat(Nodes.run(leafIni, "add-table", "words", "--handler=obfuscate"))
                .isZero();
        awaitOk(pg, l, "public.words");

        // the events escape LATIN1 bytes; the rewritten rows must too, or é turns into U+FFFD
        sql(pg, r, "insert into words values (2, 'Ærø ¿qué?', '')", "update words set w = 'naïve' where id = 1");
        String query = "select string_agg(id || ' ' || w || ' ' || c, '|' order by id) from words";
        String expected = "1 naïve t|2 Ærø ¿qué? f";
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertThat(text(pg, l, query))
                .isEqualTo(expected));
    }

    /** A fresh LATIN1 database {@code root} and UTF8 database {@code leaf}, and the node configs' folder. */
    private void latin1RootAndUtf8Leaf(PgCluster pg, String root, String leaf) throws Exception {
        pg.dropDatabase(root);
        pg.dropDatabase(leaf);
        sql(
                pg,
                "postgres",
                "create database " + root + " template template0 encoding 'LATIN1' lc_collate 'C' lc_ctype 'C'");
        pg.createDatabase(leaf, null);
        nodes = new Nodes(dir);
    }
}
