package org.skytools.londiste.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.testkit.ClusterGroup;
import org.skytools.testkit.PgCluster;
import org.skytools.testkit.PgTest;

/**
 * The {@code part} handler (and its newer name {@code shard}) end to end from the command line: a
 * root whose trigger stores each row's hash in {@code ev_extra3}, and two leaves that each hold one
 * partition, by their {@code partconf.conf}. Each leaf copies and replays only its own rows, and
 * compare checks only those.
 */
@PgTest(clusters = 2)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ShardHandlerIT extends CliFixture {
    private static final String HASH_FUNC = "create function partconf.get_hash_raw(text) returns int4"
            + " language sql immutable as 'select hashtext($1)'";

    @Test
    void partHandlerLeavesCopyReplayAndCompareOnlyTheirOwnPartition(ClusterGroup group) throws Exception {
        PgCluster one = group.get(0);
        PgCluster two = group.get(1);
        String rootDb = "shard_root";
        String[] parts = {"shard_part0", "shard_part1"};
        one.dropDatabase(rootDb);
        one.createDatabase(rootDb, null);
        sql(
                one,
                rootDb,
                "create schema partconf",
                HASH_FUNC,
                "create table mydata (id int4 primary key, data text not null, n int4 not null default 0)",
                "insert into mydata select i, 'row' || i from generate_series(1, 200) i");
        for (int i = 0; i < parts.length; i++) {
            two.dropDatabase(parts[i]);
            two.createDatabase(parts[i], null);
            sql(
                    two,
                    parts[i],
                    "create schema partconf",
                    HASH_FUNC,
                    // the first leaf has SkyTools 3's layout of partconf.conf, the second the newer one
                    i == 0
                            ? "create table partconf.conf (part_nr int4, max_part int4, db_code int8,"
                                    + " is_primary boolean, max_slot int4, cluster_name text)"
                            : "create table partconf.conf (shard_nr int4, shard_mask int4, shard_count int4)",
                    i == 0
                            ? "insert into partconf.conf (part_nr, max_part) values (0, 1)"
                            : "insert into partconf.conf values (1, 1, 2)");
        }
        nodes = new Nodes(dir);
        Path root = nodes.config("shroot", one, rootDb);
        Path[] leaves = {nodes.config("shleaf0", two, parts[0]), nodes.config("shleaf1", two, parts[1])};
        assertThat(Nodes.run(root, "create-root", "root", one.connString(rootDb)))
                .isZero();
        // the second partition also feeds a combined queue of its database
        Path combined = nodes.config("shcomb", two, parts[1], "queue_name = combq");
        assertThat(Nodes.run(combined, "create-root", "comb", two.connString(parts[1])))
                .isZero();
        for (int i = 0; i < leaves.length; i++) {
            List<String> args = new ArrayList<>(List.of(
                    "create-leaf", "leaf" + i, two.connString(parts[i]), "--provider=" + one.connString(rootDb)));
            if (i == 1) {
                args.add("--merge=combq");
            }
            assertThat(Nodes.run(leaves[i], args.toArray(String[]::new))).isZero();
        }
        fastTicks(one, rootDb, "replq");
        startTicker(new TickTarget(one, rootDb));

        // bad input: the handler needs its key column; nothing is added
        assertThat(Nodes.run(root, "add-table", "mydata", "--handler=part")).isNotZero();
        assertThat(count(one, rootDb, "select count(*) from londiste.table_info"))
                .isZero();

        assertThat(Nodes.run(root, "add-table", "mydata", "--handler=part", "--handler-arg=key=data"))
                .isZero();
        assertThat(count(
                        one,
                        rootDb,
                        "select count(*) from pg_trigger where tgrelid = 'mydata'::regclass and position(convert_to("
                                + "'ev_extra3=''hash=''||partconf.get_hash_raw(data)', 'UTF8') in tgargs) > 0"))
                .as("the root's trigger stores the row's hash in ev_extra3")
                .isPositive();
        for (int i = 0; i < leaves.length; i++) {
            // the newer name of the same handler
            String handler = i == 0 ? "--handler=part" : "--handler=shard";
            assertThat(Nodes.run(leaves[i], "add-table", "mydata", "--create", handler, "--handler-arg=key=data"))
                    .isZero();
            nodes.startWorker(leaves[i]);
        }
        for (String db : parts) {
            awaitOk(two, db, "public.mydata");
        }
        sql(
                one,
                rootDb,
                "insert into mydata select i, 'row' || i from generate_series(201, 400) i",
                "update mydata set n = id * 2 where id % 7 = 0",
                "delete from mydata where id % 11 = 0");

        for (int i = 0; i < parts.length; i++) {
            String mine = "select string_agg(id || ':' || data || ':' || n, ',' order by id) from mydata"
                    + " where (hashtext(data) & 1) = " + i;
            String want = text(one, rootDb, mine);
            String db = parts[i];
            await().atMost(WAIT)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> want.equals(text(
                            two, db, "select string_agg(id || ':' || data || ':' || n, ',' order by id) from mydata")));
            assertThat(count(two, db, "select count(*) from mydata")).isBetween(100L, 300L);
            assertThat(Nodes.run(leaves[i], "compare"))
                    .as("compare of partition %d", i)
                    .isZero();
            // repair reads only the partition's rows too: nothing to fix
            assertThat(nodes.runIn(dir, leaves[i], "repair", "--apply"))
                    .as("repair of partition %d", i)
                    .isZero();
        }
        assertThat(count(two, parts[0], "select count(*) from mydata")
                        + count(two, parts[1], "select count(*) from mydata"))
                .isEqualTo(count(one, rootDb, "select count(*) from mydata"));
        // the merge leaf passes on only its own partition's row events, as the newer londiste does
        String partOne = "select count(*) from pgq.event_template where ev_extra1 = 'public.mydata'"
                + " and (split_part(ev_extra3, '=', 2)::int8 & 1) ";
        assertThat(count(two, parts[1], partOne + "= 1")).isPositive().isEqualTo(count(one, rootDb, partOne + "= 1"));
        assertThat(count(two, parts[1], partOne + "<> 1")).isZero();
    }

    @Test
    void shardHashFuncAndShardInfoSqlComeFromTheConfig(ClusterGroup group) throws Exception {
        PgCluster one = group.get(0);
        PgCluster two = group.get(1);
        String rootDb = "shcfg_root";
        String leafDb = "shcfg_leaf";
        String rowHash = "create function hashing.rowhash(text) returns int4 language sql immutable"
                + " as 'select hashtext($1)'";
        one.dropDatabase(rootDb);
        one.createDatabase(rootDb, null);
        sql(
                one,
                rootDb,
                "create schema hashing",
                rowHash,
                "create table items (id int4 primary key, data text not null)",
                "insert into items select i, 'item' || i from generate_series(1, 200) i");
        // the leaf has no partconf at all: its shard comes from shard_info_sql
        two.dropDatabase(leafDb);
        two.createDatabase(leafDb, null);
        sql(two, leafDb, "create schema hashing", rowHash);
        nodes = new Nodes(dir);
        String func = "shard_hash_func = hashing.rowhash";
        Path root = nodes.config("cfgroot", one, rootDb, func);
        Path leaf = nodes.config("cfgleaf", two, leafDb, func, "shard_info_sql = select 1, 1, 2");
        assertThat(Nodes.run(root, "create-root", "root", one.connString(rootDb)))
                .isZero();
        assertThat(Nodes.run(
                        leaf, "create-leaf", "leaf", two.connString(leafDb), "--provider=" + one.connString(rootDb)))
                .isZero();
        fastTicks(one, rootDb, "replq");
        startTicker(new TickTarget(one, rootDb));

        assertThat(Nodes.run(root, "add-table", "items", "--handler=shard", "--handler-arg=key=data"))
                .isZero();
        assertThat(count(
                        one,
                        rootDb,
                        "select count(*) from pg_trigger where tgrelid = 'items'::regclass and position(convert_to("
                                + "'ev_extra3=''hash=''||hashing.rowhash(data)', 'UTF8') in tgargs) > 0"))
                .as("the root's trigger hashes with shard_hash_func")
                .isPositive();
        assertThat(Nodes.run(leaf, "add-table", "items", "--create", "--handler=shard", "--handler-arg=key=data"))
                .isZero();
        nodes.startWorker(leaf);
        awaitOk(two, leafDb, "public.items");
        sql(
                one,
                rootDb,
                "insert into items select i, 'item' || i from generate_series(201, 400) i",
                "delete from items where id % 9 = 0");
        String want = text(
                one,
                rootDb,
                "select string_agg(id || ':' || data, ',' order by id) from items where (hashtext(data) & 1) = 1");
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> want.equals(
                        text(two, leafDb, "select string_agg(id || ':' || data, ',' order by id) from items")));
        assertThat(count(two, leafDb, "select count(*) from items")).isBetween(100L, 260L);
        assertThat(Nodes.run(leaf, "compare")).isZero();

        // bad partitions from shard_info_sql: one clear error naming the key, a non-zero exit
        Path badMask = nodes.config("cfgbadmask", two, leafDb, func, "shard_info_sql = select 1, 2, 2");
        assertThat(Nodes.runFailing(badMask, "compare"))
                .contains("shard_info_sql gives shard_nr 1, shard_mask 2, shard_count 2");
        Path badSql = nodes.config("cfgbadsql", two, leafDb, func, "shard_info_sql = select nosuch from nowhere");
        assertThat(Nodes.runFailing(badSql, "compare")).contains("shard_info_sql failed");
        Path noRow = nodes.config("cfgnorow", two, leafDb, func, "shard_info_sql = select 1, 1, 2 where false");
        assertThat(Nodes.runFailing(noRow, "compare")).contains("shard_info_sql must give one row");
    }
}
