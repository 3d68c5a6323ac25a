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
 * The dispatch handlers end to end from the command line, as SkyTools' own handler test runs them:
 * {@code bulk_direct} keeps a table equal through inserts, updates and deletes of the same keys in
 * one batch; {@code monthly_field} puts each row in the partition of its month, made by {@code
 * londiste.create_partition}, and keeps only the latest version of a row; {@code direct} with
 * {@code fields} and {@code event_types} loads renamed columns and skips deletes.
 */
@PgTest(clusters = 2)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class DispatchHandlerIT extends CliFixture {

    @Test
    void bulkDirectMonthlyFieldAndDirectWithFieldMapApplyAsTheirArgumentsSay(ClusterGroup group) throws Exception {
        PgCluster one = group.get(0);
        PgCluster two = group.get(1);
        String src = "hsrc";
        String dst = "hdst";
        one.dropDatabase(src);
        one.createDatabase(src, null);
        two.dropDatabase(dst);
        two.createDatabase(dst, null);
        nodes = new Nodes(dir);
        Path root = nodes.config("hsrc", one, src);
        Path leaf = nodes.config("hdst", two, dst);
        assertThat(Nodes.run(root, "create-root", "hsrc", one.connString(src))).isZero();
        assertThat(Nodes.run(leaf, "create-leaf", "hdst", two.connString(dst), "--provider=" + one.connString(src)))
                .isZero();
        fastTicks(one, src, "replq");
        startTicker(new TickTarget(one, src));
        nodes.startWorker(leaf);

        // bulk_direct: the bulk loader into the table itself
        sql(
                one,
                src,
                "create table mytable (id int4 primary key, data text, tstamp timestamptz default now())",
                "insert into mytable values (1, 'row1'), (2, 'row2'), (3, 'row3')");
        assertThat(Nodes.run(root, "add-table", "mytable")).isZero();
        assertThat(Nodes.run(
                        leaf,
                        "add-table",
                        "mytable",
                        "--create",
                        "--handler=bulk_direct",
                        "--handler-arg=method=0",
                        "--handler-arg=encoding=utf8"))
                .isZero();

        // monthly_field: partitions by the month of tstamp, keep_latest
        sql(
                one,
                src,
                "create table logtable (id int4 primary key, data text, tstamp timestamptz default now())",
                "insert into logtable values (1, 'row1', '2011-01-01'), (2, 'row2', '2011-02-01'),"
                        + " (3, 'row3', '2011-03-01')");
        sql(two, dst, "create table logtable (id int4 primary key, data text, tstamp timestamptz default now())");
        assertThat(Nodes.run(root, "add-table", "logtable")).isZero();
        assertThat(Nodes.run(
                        leaf,
                        "add-table",
                        "logtable",
                        "--handler=monthly_field",
                        "--handler-arg=part_field=tstamp",
                        "--handler-arg=encoding=utf8"))
                .isZero();

        // direct with a field map and without deletes, into a table of another name
        sql(one, src, "create table facts (id int4 primary key, data text, secret text)");
        sql(two, dst, "create table facts_copy (id int4 primary key, payload text)");
        assertThat(Nodes.run(root, "add-table", "facts")).isZero();
        // a bad argument value is refused before anything changes
        assertThat(Nodes.run(
                        leaf,
                        "add-table",
                        "facts",
                        "--dest-table=public.facts_copy",
                        "--force",
                        "--handler=direct",
                        "--handler-arg=row_mode=nope"))
                .isNotZero();
        assertThat(text(
                        two,
                        dst,
                        "select count(*) from londiste.table_info where table_name = 'public.facts'" + " and local"))
                .isEqualTo("0");
        assertThat(Nodes.run(
                        leaf,
                        "add-table",
                        "facts",
                        "--dest-table=public.facts_copy",
                        "--expect-sync",
                        // the columns differ by the field map
                        "--force",
                        "--handler=direct",
                        "--handler-arg=fields=id,data:payload",
                        "--handler-arg=event_types=I,U"))
                .isZero();
        awaitOk(two, dst, "public.mytable");
        awaitOk(two, dst, "public.logtable");
        awaitOk(two, dst, "public.facts");

        // one transaction: all of it lands in one batch
        sql(
                one,
                src,
                "begin",
                "insert into mytable values (5, 'row5')",
                "update mytable set data = 'row5x' where id = 5",
                "insert into mytable values (6, 'row6')",
                "delete from mytable where id = 6",
                "insert into mytable values (7, 'row7')",
                "update mytable set data = 'row7x' where id = 7",
                "delete from mytable where id = 7",
                "delete from mytable where id = 1",
                "update mytable set data = 'row2x' where id = 2",
                "insert into logtable values (4, 'row4', '2011-04-01'), (5, 'row5', '2011-05-01'),"
                        + " (6, 'row6', '2011-06-01')",
                "insert into facts values (1, 'a', 's1'), (2, 'b', 's2')",
                "commit");
        sql(
                one,
                src,
                "update logtable set data = 'row4x' where id = 4",
                "update facts set data = 'bx' where id = 2",
                "delete from facts where id = 1");

        String want = text(one, src, "select string_agg(id || ':' || data, ',' order by id) from mytable");
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> want.equals(
                        text(two, dst, "select string_agg(id || ':' || data, ',' order by id) from mytable")));
        assertThat(want).isEqualTo("2:row2x,3:row3,5:row5x");

        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> "1:a,2:bx"
                .equals(text(two, dst, "select string_agg(id || ':' || payload, ',' order by id) from facts_copy")));

        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> "4:row4x"
                .equals(text(two, dst, "select id || ':' || data from only logtable_2011_04")));
        assertThat(text(two, dst, "select string_agg(id || ':' || data, ',' order by id) from only logtable"))
                .as("the copy went into the parent")
                .isEqualTo("1:row1,2:row2,3:row3");
        assertThat(text(two, dst, "select string_agg(id || ':' || data, ',' order by id) from logtable"))
                .as("the partitions inherit from the parent")
                .isEqualTo("1:row1,2:row2,3:row3,4:row4x,5:row5,6:row6");
        assertThat(text(
                        two,
                        dst,
                        "select string_agg(c.relname, ',' order by c.relname) from pg_inherits i"
                                + " join pg_class c on c.oid = i.inhrelid where i.inhparent = 'logtable'::regclass"))
                .isEqualTo("logtable_2011_04,logtable_2011_05,logtable_2011_06");
    }
}
