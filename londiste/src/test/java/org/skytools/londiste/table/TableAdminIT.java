package org.skytools.londiste.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.skytools.londiste.fixture.TwoNodes.QUEUE;
import static org.skytools.londiste.fixture.TwoNodes.state;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.common.error.SkyToolsException;
import org.skytools.londiste.fixture.LondisteTemplate;
import org.skytools.londiste.fixture.TwoNodes;
import org.skytools.testkit.ClusterGroup;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/** add-table and friends (cli.md §2.5, behaviour.md L-1, L-2, L-13, L-43) on a root and a leaf. */
@PgTest(clusters = 2, template = LondisteTemplate.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TableAdminIT {
    private final TableAdmin admin = new TableAdmin(QUEUE, Duration.ofSeconds(10));

    private static TwoNodes nodes(TestDatabase db, ClusterGroup group, String... ddl) throws Exception {
        TwoNodes n = TwoNodes.create(db, group.get(1));
        for (String sql : ddl) {
            n.root.execute(sql);
        }
        return n;
    }

    private AddTableResult addOnRoot(TwoNodes n, String... tables) throws Exception {
        try (Connection root = n.root.connect()) {
            return admin.addTables(root, null, List.of(tables), AddTableOptions.defaults());
        }
    }

    private AddTableResult addOnLeaf(TwoNodes n, AddTableOptions o, String... tables) throws Exception {
        try (Connection leaf = n.leaf.connect();
                Connection root = n.root.connect()) {
            return admin.addTables(leaf, root, List.of(tables), o);
        }
    }

    @Test
    void l1_rootAddTableIsOkAtOnceWithCaptureTriggerAndEvent(TestDatabase db, ClusterGroup group) throws Exception {
        TwoNodes n = nodes(db, group, "create table t1 (id int primary key, v text)");
        AddTableResult r = addOnRoot(n, "t1");
        assertThat(r.added()).containsExactly("public.t1");
        assertThat(state(n.root, "public.t1")).isEqualTo("ok");
        assertThat(n.root.queryValue(
                        "select count(*) from pg_trigger where tgrelid = 'public.t1'::regclass and tgname = ?",
                        Long.class,
                        "_londiste_" + QUEUE))
                .isEqualTo(1L);
        n.root.execute("insert into t1 values (1, 'a')");
        assertThat(n.root.queryValue(
                        "select count(*) from pgq.event_template e join pgq.queue q"
                                + " on e.tableoid::regclass::text like q.queue_data_pfx || '\\_%'"
                                + " where q.queue_name = ? and e.ev_extra1 = 'public.t1' and e.ev_type like 'I:%'",
                        Long.class, QUEUE))
                .isEqualTo(1L);
        assertThat(addOnRoot(n, "t1").alreadyAdded()).containsExactly("public.t1");
    }

    @Test
    void l2_leafAddTableWaitsForCopyAndStoresEverySwitchInTableAttrs(TestDatabase db, ClusterGroup group)
            throws Exception {
        TwoNodes n = nodes(db, group, "create table t1 (id int primary key, v text)");
        addOnRoot(n, "t1");
        n.leaf.execute("create table t1 (id int primary key, v text)");
        AddTableOptions o = AddTableOptions.builder()
                .skipTruncate(true)
                .handler("bulk")
                .handlerArg("method=1")
                .copyNode("root")
                .maxParallelCopy(3)
                .build();
        assertThat(addOnLeaf(n, o, "public.t1").added()).containsExactly("public.t1");
        assertThat(state(n.leaf, "public.t1")).isEqualTo("NULL");
        String attrs = n.leaf.queryValue(
                "select table_attrs from londiste.table_info where table_name = 'public.t1'", String.class);
        assertThat(TableInfo.decodeAttrs(attrs))
                .containsEntry("handler", "bulk(method=1)")
                .containsEntry("skip_truncate", "1")
                .containsEntry("copy_node", "root")
                .containsEntry("max_parallel_copy", "3");
        // leaf tables get the deny trigger: local writes are refused
        assertThatThrownBy(() -> n.leaf.execute("insert into t1 values (1, 'x')"))
                .hasMessageContaining("Table 'public.t1' to queue 'replika': change not allowed");
    }

    @Test
    void l2_expectSyncMarksOkWithoutCopyAndNoTriggersLeavesTableWritable(TestDatabase db, ClusterGroup group)
            throws Exception {
        TwoNodes n = nodes(db, group, "create table t1 (id int primary key)", "create table t2 (id int primary key)");
        addOnRoot(n, "t1", "t2");
        n.leaf.execute("create table t1 (id int primary key)");
        n.leaf.execute("create table t2 (id int primary key)");
        addOnLeaf(n, AddTableOptions.builder().expectSync(true).build(), "t1");
        addOnLeaf(n, AddTableOptions.builder().noTriggers(true).build(), "t2");
        assertThat(state(n.leaf, "public.t1")).isEqualTo("ok");
        assertThat(state(n.leaf, "public.t2")).isEqualTo("NULL");
        n.leaf.execute("insert into t2 values (1)");
        assertThat(n.leaf.queryValue("select count(*) from t2", Long.class)).isEqualTo(1L);
    }

    @Test
    void l43_destTableAndCreateMakeTheLocalTableFromTheProvider(TestDatabase db, ClusterGroup group) throws Exception {
        TwoNodes n = nodes(
                db,
                group,
                "create table t1 (id int primary key, v text not null, n int default 5)",
                "create index t1_v on t1 (v)",
                "create table t2 (id int primary key, v text)",
                "create index t2_v on t2 (v)");
        addOnRoot(n, "t1", "t2");
        addOnLeaf(
                n,
                AddTableOptions.builder()
                        .create(true)
                        .destTable("other.t1_copy")
                        .build(),
                "t1");
        addOnLeaf(n, AddTableOptions.builder().createFull(true).build(), "t2");
        assertThat(n.leaf.queryValue(
                        "select dest_table from londiste.table_info where table_name = 'public.t1'", String.class))
                .isEqualTo("other.t1_copy");
        assertThat(n.leaf.queryValue(
                        "select string_agg(attname, ',' order by attnum) from pg_attribute"
                                + " where attrelid = 'other.t1_copy'::regclass and attnum > 0",
                        String.class))
                .isEqualTo("id,v,n");
        assertThat(n.leaf.queryValue("select londiste.find_column_types('other.t1_copy')", String.class))
                .isEqualTo("kvv");
        assertThat(n.leaf.queryValue("select count(*) from pg_indexes where indexname = 't1_v'", Long.class))
                .as("--create makes columns and primary key only")
                .isZero();
        assertThat(n.leaf.queryValue("select count(*) from pg_indexes where indexname = 't2_v'", Long.class))
                .as("--create-full makes the indexes too")
                .isEqualTo(1L);
    }

    @Test
    void changeHandlerStoresTheHandlerRebuildsTheTriggerAndRefusesBadInput(TestDatabase db, ClusterGroup group)
            throws Exception {
        TwoNodes n = nodes(db, group, "create table t1 (id int primary key, v text)");
        addOnRoot(n, "t1");
        String attrs = "select table_attrs from londiste.table_info where table_name = 'public.t1'";
        String trigger = "select pg_get_triggerdef(oid) from pg_trigger where tgrelid = 'public.t1'::regclass"
                + " and tgname = '_londiste_" + QUEUE + "'";
        try (Connection root = n.root.connect()) {
            String done = admin.changeHandler(
                    root,
                    "t1",
                    AddTableOptions.builder()
                            .handler("bulk")
                            .handlerArg("method=1")
                            .triggerFlags("IU")
                            .build());
            assertThat(done).contains("public.t1");
            assertThat(TableInfo.decodeAttrs(n.root.queryValue(attrs, String.class)))
                    .containsEntry("handler", "bulk(method=1)");
            assertThat(n.root.queryValue(trigger, String.class))
                    .as("trigger made again with the new flags")
                    .contains("AFTER INSERT OR UPDATE")
                    .doesNotContain("DELETE");
            assertThat(admin.changeHandler(
                            root,
                            "t1",
                            AddTableOptions.builder()
                                    .handler("bulk")
                                    .handlerArg("method=1")
                                    .build()))
                    .isEqualTo("handler of table public.t1 unchanged");

            assertThatThrownBy(() -> admin.changeHandler(
                            root,
                            "t1",
                            AddTableOptions.builder().handler("nosuch").build()))
                    .hasMessageContaining("unknown handler \"nosuch\"");
            assertThatThrownBy(() -> admin.changeHandler(
                            root,
                            "t1",
                            AddTableOptions.builder()
                                    .handler("bulk")
                                    .handlerArg("colour=red")
                                    .build()))
                    .hasMessageContaining("invalid argument \"colour\"");
            assertThatThrownBy(() -> admin.changeHandler(root, "t2", AddTableOptions.defaults()))
                    .hasMessageContaining("table \"public.t2\" is not added on this node");
            assertThat(TableInfo.decodeAttrs(n.root.queryValue(attrs, String.class)))
                    .as("nothing changed by the refused calls")
                    .containsEntry("handler", "bulk(method=1)");

            admin.changeHandler(root, "t1", AddTableOptions.defaults());
            assertThat(n.root.queryValue(attrs, String.class))
                    .as("no --handler: back to the default")
                    .isNull();
            assertThat(n.root.queryValue(trigger, String.class)).contains("AFTER INSERT OR DELETE OR UPDATE");
        }
    }

    @Test
    void badInput_unknownTableIsOneLineAndAddsNothing(TestDatabase db, ClusterGroup group) throws Exception {
        TwoNodes n = nodes(db, group, "create table t1 (id int primary key)");
        addOnRoot(n, "t1");
        n.leaf.execute("create table t1 (id int primary key)");
        assertThatThrownBy(() -> addOnLeaf(n, AddTableOptions.defaults(), "t1", "nosuch"))
                .isInstanceOf(SkyToolsException.class)
                .hasMessage("table \"public.nosuch\" not available on this node; see the \"missing\" command,"
                        + " or use --force");
        assertThat(n.leaf.queryValue("select count(*) from londiste.table_info where local", Long.class))
                .isZero();
    }

    @Test
    void badInput_tableWithoutPrimaryKeyIsRefusedOnRoot(TestDatabase db, ClusterGroup group) throws Exception {
        TwoNodes n = nodes(db, group, "create table ok1 (id int primary key)", "create table nopk (a int)");
        assertThatThrownBy(() -> addOnRoot(n, "ok1", "nopk"))
                .isInstanceOf(SkyToolsException.class)
                .hasMessage("table \"public.nopk\" has no primary key; londiste needs one");
        assertThat(n.root.queryValue("select count(*) from londiste.table_info", Long.class))
                .as("one transaction: ok1 is not added either")
                .isZero();
    }

    @Test
    void badInput_alreadyAddedWithOtherArgsIsRefused(TestDatabase db, ClusterGroup group) throws Exception {
        TwoNodes n = nodes(db, group, "create table t1 (id int primary key)");
        addOnRoot(n, "t1");
        n.leaf.execute("create table t1 (id int primary key)");
        addOnLeaf(n, AddTableOptions.defaults(), "t1");
        assertThat(addOnLeaf(n, AddTableOptions.defaults(), "t1").alreadyAdded())
                .containsExactly("public.t1");
        assertThatThrownBy(() -> addOnLeaf(
                        n,
                        AddTableOptions.builder().force(true).skipTruncate(true).build(),
                        "t1"))
                .isInstanceOf(SkyToolsException.class)
                .hasMessageContaining("already added, but with different args");
    }

    @Test
    void badInput_columnsDifferingFromProviderNeedForce(TestDatabase db, ClusterGroup group) throws Exception {
        TwoNodes n = nodes(db, group, "create table t1 (id int primary key, a text, b text)");
        addOnRoot(n, "t1");
        n.leaf.execute("create table t1 (id int primary key, a text, c text)");
        assertThatThrownBy(() -> addOnLeaf(n, AddTableOptions.defaults(), "t1"))
                .isInstanceOf(SkyToolsException.class)
                .hasMessage("columns of table \"public.t1\" differ from the provider's \"public.t1\""
                        + " (only here: c; only on provider: b); fix the table or use --force");
        assertThat(n.leaf.queryValue("select count(*) from londiste.table_info where local", Long.class))
                .isZero();
        assertThat(addOnLeaf(n, AddTableOptions.builder().force(true).build(), "t1")
                        .added())
                .containsExactly("public.t1");
    }

    @Test
    void badInput_tableMissingOnProviderCannotBeCreatedAndMissingLocallyNeedsCreate(TestDatabase db, ClusterGroup group)
            throws Exception {
        TwoNodes n = nodes(db, group, "create table t1 (id int primary key)", "create table t2 (id int primary key)");
        addOnRoot(n, "t1", "t2");
        n.root.execute("drop table t2");
        assertThatThrownBy(() ->
                        addOnLeaf(n, AddTableOptions.builder().create(true).build(), "t2"))
                .isInstanceOf(SkyToolsException.class)
                .hasMessage("table \"public.t2\" does not exist on the provider; cannot create \"public.t2\" from it");
        assertThat(addOnLeaf(
                                n,
                                AddTableOptions.builder()
                                        .create(true)
                                        .skipNonExisting(true)
                                        .build(),
                                "t2")
                        .skipped())
                .hasSize(1);
        assertThatThrownBy(() -> addOnLeaf(n, AddTableOptions.defaults(), "t1"))
                .isInstanceOf(SkyToolsException.class)
                .hasMessage("table \"public.t1\" does not exist on this node; create it or use --create");
        assertThatThrownBy(() ->
                        addOnLeaf(n, AddTableOptions.builder().destTable("x").build(), "t1", "t2"))
                .isInstanceOf(SkyToolsException.class)
                .hasMessage("--dest-table can be given only for a single table");
        assertThatThrownBy(() -> addOnLeaf(
                        n, AddTableOptions.builder().copyNode("nowhere").build(), "t1"))
                .isInstanceOf(SkyToolsException.class)
                .hasMessage("node \"nowhere\" is not a member of queue \"replika\"");
    }

    @Test
    void l13_removeResyncTablesAndMissing(TestDatabase db, ClusterGroup group) throws Exception {
        TwoNodes n = nodes(db, group, "create table t1 (id int primary key)", "create table t2 (id int primary key)");
        addOnRoot(n, "t1", "t2");
        n.leaf.execute("create table t1 (id int primary key)");
        n.leaf.execute("create table t2 (id int primary key)");
        addOnLeaf(n, AddTableOptions.builder().expectSync(true).all(true).build());
        assertThat(state(n.leaf, "public.t1")).isEqualTo("ok");
        assertThat(state(n.leaf, "public.t2")).isEqualTo("ok");
        try (Connection leaf = n.leaf.connect();
                Connection root = n.root.connect()) {
            assertThat(admin.resync(leaf, root, List.of("t1"), false, null, false))
                    .containsExactly("public.t1");
            assertThat(state(n.leaf, "public.t1")).isEqualTo("NULL");
            assertThat(admin.tables(leaf)).extracting(TableInfo::name).containsExactly("public.t1", "public.t2");
            assertThat(admin.removeTables(leaf, List.of("t*"), false)).containsExactly("public.t1", "public.t2");
            assertThat(admin.missing(leaf))
                    .extracting(TableCatalog.MissingObject::name)
                    .containsExactly("public.t1", "public.t2");
            assertThat(admin.removeTables(leaf, List.of("t1"), false))
                    .as("already removed")
                    .isEmpty();
            assertThatThrownBy(() -> admin.removeTables(leaf, List.of("nosuch"), false))
                    .isInstanceOf(SkyToolsException.class)
                    .hasMessageContaining("\"public.nosuch\" not available");
        }
    }

    @Test
    void registerListsLimitWhichProviderTablesAndSequencesTheLeafLearns(TestDatabase db, ClusterGroup group)
            throws Exception {
        TwoNodes n = nodes(
                db,
                group,
                "create table t1 (id int primary key)",
                "create table t2 (id int primary key)",
                "create table t3 (id int primary key)",
                "create sequence s1",
                "create sequence s2");
        addOnRoot(n, "t1", "t2", "t3");
        RegisterFilter filter = RegisterFilter.of(List.of(), List.of("t2"), List.of("public.s2"), List.of());
        n.leaf.execute("create table t1 (id int primary key)");
        n.leaf.execute("create sequence s2");
        try (Connection leaf = n.leaf.connect();
                Connection root = n.root.connect()) {
            new SeqAdmin(QUEUE).addSeqs(root, null, List.of("s1", "s2"), false, false, false, false);
            new TableAdmin(QUEUE, Duration.ofSeconds(10))
                    .registering(filter)
                    .addTables(leaf, root, List.of("t1"), AddTableOptions.defaults());
            assertThat(new TableCatalog(QUEUE).tables(leaf).keySet()).containsExactly("public.t1", "public.t3");
            assertThatThrownBy(() -> new TableAdmin(QUEUE, Duration.ofSeconds(10))
                            .registering(filter)
                            .addTables(leaf, root, List.of("t2"), AddTableOptions.defaults()))
                    .isInstanceOf(SkyToolsException.class)
                    .hasMessage("table \"public.t2\" is kept off this node by register_only_tables or"
                            + " register_skip_tables in its config");
            new SeqAdmin(QUEUE).registering(filter).addSeqs(leaf, root, List.of("s2"), false, false, false, false);
            assertThat(new SeqAdmin(QUEUE).seqs(leaf))
                    .extracting(TableCatalog.SeqInfo::name)
                    .containsExactly("public.s2");
        }
    }

    @Test
    void l39_l42_addSeqCreatesFromProviderAndUnknownSeqIsRefused(TestDatabase db, ClusterGroup group) throws Exception {
        TwoNodes n = nodes(db, group, "create sequence s1 start 100");
        SeqAdmin seqs = new SeqAdmin(QUEUE);
        try (Connection root = n.root.connect();
                Connection leaf = n.leaf.connect()) {
            assertThat(seqs.addSeqs(root, null, List.of("s1"), false, false, false, false))
                    .containsExactly("public.s1");
            assertThatThrownBy(() -> seqs.addSeqs(leaf, root, List.of("s1"), false, false, false, false))
                    .isInstanceOf(SkyToolsException.class)
                    .hasMessage("sequence \"public.s1\" does not exist on this node; create it or use --create");
            assertThat(seqs.addSeqs(leaf, root, List.of("s1"), false, true, false, false))
                    .containsExactly("public.s1");
            assertThat(seqs.seqs(leaf)).extracting(TableCatalog.SeqInfo::local).containsExactly(true);
            assertThatThrownBy(() -> seqs.addSeqs(leaf, root, List.of("nosuch"), false, true, false, false))
                    .isInstanceOf(SkyToolsException.class)
                    .hasMessageContaining("\"public.nosuch\" not available");
            assertThat(seqs.removeSeqs(leaf, List.of("s1"), false)).containsExactly("public.s1");
        }
    }
}
