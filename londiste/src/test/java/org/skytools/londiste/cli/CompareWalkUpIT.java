package org.skytools.londiste.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.testkit.ClusterGroup;
import org.skytools.testkit.PgCluster;
import org.skytools.testkit.PgTest;

/**
 * compare and repair on a leaf whose provider is a queue-only branch (the table is not local
 * there): both read the table from the root, the first node up that holds it (L-16, L-17). Then a
 * table with {@code --copy-node} of the root, which rename-node renames, copies again from it.
 */
@PgTest(clusters = 2)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class CompareWalkUpIT extends CliFixture {

    @Test
    void l17_compareAndRepairOnALeafUnderAQueueOnlyBranchReadTheRoot(ClusterGroup group) throws Exception {
        PgCluster one = group.get(0);
        PgCluster two = group.get(1);
        String r = "cw_root";
        String b = "cw_qnode";
        String l = "cw_leaf";
        one.dropDatabase(r);
        one.createDatabase(r, null);
        for (String db : new String[] {b, l}) {
            two.dropDatabase(db);
            two.createDatabase(db, null);
        }
        nodes = new Nodes(dir);
        Path rootIni = nodes.config("cwroot", one, r);
        Path branchIni = nodes.config("cwqnode", two, b);
        Path leafIni = nodes.config("cwleaf", two, l);
        sql(
                one,
                r,
                "create table mydata (id int4 primary key, data text)",
                "insert into mydata select g, 'd' || g from generate_series(1, 300) g");
        assertThat(Nodes.run(rootIni, "create-root", "root", one.connString(r))).isZero();
        assertThat(Nodes.run(branchIni, "create-branch", "qnode", two.connString(b), "--provider=" + one.connString(r)))
                .isZero();
        assertThat(Nodes.run(leafIni, "create-leaf", "leaf", two.connString(l), "--provider=" + two.connString(b)))
                .isZero();
        fastTicks(one, r, "replq");
        startTicker(new TickTarget(one, r));
        nodes.startWorker(rootIni);
        nodes.startWorker(branchIni);
        nodes.startWorker(leafIni);
        assertThat(Nodes.run(rootIni, "add-table", "mydata")).isZero();
        // the branch passes the events on without the table; the leaf copies from the root
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> "1"
                .equals(text(two, b, "select count(*) from londiste.table_info where table_name = 'public.mydata'")));
        assertThat(text(two, b, "select local from londiste.table_info where table_name = 'public.mydata'"))
                .isEqualTo("f");
        sql(two, l, "create table mydata (id int4 primary key, data text)");
        assertThat(Nodes.run(leafIni, "add-table", "mydata", "--find-copy-node"))
                .isZero();
        awaitOk(two, l, "public.mydata");
        sql(one, r, "update mydata set data = 'x' where id <= 10");
        assertThat(Nodes.run(leafIni, "compare")).as("compare against the root").isZero();

        // a row lost on the leaf: compare finds it, repair puts it back
        sql(two, l, "set session_replication_role = replica", "delete from mydata where id = 7");
        assertThat(Nodes.run(leafIni, "compare")).isEqualTo(1);
        // repair writes its fix file in the current directory: the test's, not the module's
        assertThat(nodes.runIn(dir, leafIni, "repair", "--apply")).isEqualTo(1);
        assertThat(text(two, l, "select data from mydata where id = 7")).isEqualTo("x");
        assertThat(Nodes.run(leafIni, "compare")).isZero();

        // a table that copies from a named node keeps copying from it after rename-node; the
        // branch holds this one, so that the leaf's provider check passes
        sql(one, r, "create table more (id int4 primary key)", "insert into more select generate_series(1, 50)");
        sql(two, b, "create table more (id int4 primary key)");
        sql(two, l, "create table more (id int4 primary key)");
        assertThat(Nodes.run(rootIni, "add-table", "more")).isZero();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> "1"
                .equals(text(two, b, "select count(*) from londiste.table_info where table_name = 'public.more'")));
        assertThat(Nodes.run(branchIni, "add-table", "more")).isZero();
        awaitOk(two, b, "public.more");
        assertThat(Nodes.run(leafIni, "add-table", "more", "--copy-node=root")).isZero();
        awaitOk(two, l, "public.more");
        assertThat(Nodes.run(leafIni, "rename-node", "root", "origin")).isZero();
        assertThat(text(two, l, "select table_attrs from londiste.table_info where table_name = 'public.more'"))
                .isEqualTo("copy_node=origin");
        sql(one, r, "insert into more values (51)");
        assertThat(Nodes.run(leafIni, "resync", "more")).isZero();
        awaitOk(two, l, "public.more");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> "51"
                .equals(text(two, l, "select count(*) from more")));
    }
}
