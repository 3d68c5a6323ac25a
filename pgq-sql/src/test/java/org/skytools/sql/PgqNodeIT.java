package org.skytools.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/** pgq_node return codes and events (N-1 .. N-9) and the cascaded consumer protocol. */
@PgTest(template = NodeTemplate.class)
@Timeout(120)
class PgqNodeIT {

    private static void locations(TestDatabase db, String queue, String... nodes) {
        for (String node : nodes) {
            assertThat(RetCall.of(db, "pgq_node.register_location(?, ?, ?, false)", queue, node, "dbname=" + node)
                            .code())
                    .isEqualTo(200);
        }
    }

    private static RetCall createNode(
            TestDatabase db, String queue, String type, String node, String provider, Long wm, String combined) {
        return RetCall.of(
                db,
                "pgq_node.create_node(?, ?, ?, ?, ?, ?::bigint, ?)",
                queue,
                type,
                node,
                node + "_worker",
                provider,
                wm,
                combined);
    }

    private static void root(TestDatabase db, String queue) {
        locations(db, queue, "n1", "n2", "n3");
        assertThat(createNode(db, queue, "root", "n1", null, null, null).code()).isEqualTo(200);
        db.execute("update pgq.queue set queue_ticker_max_lag = '0', queue_ticker_idle_period = '0'");
    }

    private static List<String> eventTypes(TestDatabase db) {
        return db.query("select ev_type from pgq.event_template order by ev_id").stream()
                .map(r -> (String) r.get("ev_type"))
                .toList();
    }

    @Test
    void n1_createNodeRefusesRepeatsAndArgumentsThatDoNotFitTheType(TestDatabase db) {
        locations(db, "q", "n1", "n2");

        assertThat(createNode(db, "q", "root", "n1", "n2", null, null))
                .isEqualTo(new RetCall(401, "unexpected args for root"));
        assertThat(createNode(db, "q", "root", "n1", null, 5L, null).code()).isEqualTo(401);
        assertThat(createNode(db, "q", "branch", "n1", null, 5L, null))
                .isEqualTo(new RetCall(401, "provider not set for branch"));
        assertThat(createNode(db, "q", "branch", "n1", "n2", null, null))
                .isEqualTo(new RetCall(401, "global watermark not set for branch"));
        assertThat(createNode(db, "q", "leaf", "n1", "n2", 5L, "nosuch"))
                .isEqualTo(new RetCall(401, "non-existing queue on leaf side: nosuch"));
        assertThat(db.queryValue("select count(*) from pgq_node.node_info", Long.class))
                .isZero();

        assertThat(createNode(db, "q", "root", "n1", null, null, null).code()).isEqualTo(200);
        assertThat(createNode(db, "q", "root", "n1", null, null, null))
                .isEqualTo(new RetCall(401, "Node already initialized"));
    }

    @Test
    void n1_branchQueueStartsAtTheGlobalWatermarkWithInsertsDisabled(TestDatabase db) {
        locations(db, "q", "n1", "n2");

        assertThat(createNode(db, "q", "branch", "n2", "n1", 42L, null).code()).isEqualTo(200);

        Map<String, Object> queue = db.query(
                        "select queue_external_ticker, queue_disable_insert from pgq.queue where queue_name = 'q'")
                .get(0);
        assertThat(queue).containsEntry("queue_external_ticker", true).containsEntry("queue_disable_insert", true);
        assertThat(db.queryValue("select last_tick from pgq.get_consumer_info('q', '.global_watermark')", Long.class))
                .isEqualTo(42L);
        assertThat(db.queryValue(
                        "select provider_node || '/' || last_tick_id from pgq_node.local_state"
                                + " where consumer_name = 'n2_worker'",
                        String.class))
                .isEqualTo("n1/42");
    }

    @Test
    void n2_subscriberGetsWatermarkAndWorkerConsumersButNotOnALeaf(TestDatabase db) {
        root(db, "q");

        Map<String, Object> row = db.query("select * from pgq_node.register_subscriber('q', 'n2', 'w2', null)")
                .get(0);
        assertThat(row).containsEntry("ret_code", 200).containsEntry("global_watermark", 1L);
        assertThat(db.query("select consumer_name from pgq.get_consumer_info('q') order by 1").stream()
                        .map(r -> r.get("consumer_name")))
                .containsExactly(".global_watermark", ".n2.watermark", "w2");
        assertThat(RetCall.of(db, "pgq_node.unregister_subscriber('q', 'n2')").code())
                .isEqualTo(200);
        assertThat(db.queryValue("select count(*) from pgq.get_consumer_info('q')", Long.class))
                .isEqualTo(1L);
        assertThat(RetCall.of(db, "pgq_node.unregister_subscriber('q', 'n2')"))
                .isEqualTo(new RetCall(304, "Subscriber not found"));

        locations(db, "leafq", "n1", "n2");
        assertThat(createNode(db, "leafq", "leaf", "n2", "n1", 1L, null).code()).isEqualTo(200);
        assertThat(RetCall.of(db, "pgq_node.register_subscriber('leafq', 'n3', 'w3', null)"))
                .isEqualTo(new RetCall(401, "Cannot subscribe to leaf node"));
    }

    @Test
    void n3_subscriberWatermarkOnlyMovesForward(TestDatabase db) {
        root(db, "q");
        RetCall.of(db, "pgq_node.register_subscriber('q', 'n2', 'w2', null)");
        db.query("select pgq.ticker('q')");
        db.query("select pgq.ticker('q')");

        assertThat(RetCall.of(db, "pgq_node.set_subscriber_watermark('q', 'n2', 3)"))
                .isEqualTo(new RetCall(200, ".n2.watermark set to 3"));
        assertThat(RetCall.of(db, "pgq_node.set_subscriber_watermark('q', 'n2', 3)")
                        .code())
                .isEqualTo(100);
        assertThat(RetCall.of(db, "pgq_node.set_subscriber_watermark('q', 'n2', 2)")
                        .code())
                .isEqualTo(405);
        assertThat(RetCall.of(db, "pgq_node.set_subscriber_watermark('q', 'n9', 2)")
                        .code())
                .isEqualTo(404);
        assertThat(db.queryValue("select node_watermark from pgq_node.get_subscriber_info('q')", Long.class))
                .isEqualTo(3L);
    }

    @Test
    void n4_demoteRootStepsMustComeInOrder(TestDatabase db) throws SQLException {
        root(db, "q");

        assertThatThrownBy(() -> db.query("select * from pgq_node.demote_root('q', 2, 'n2')"))
                .hasMessageContaining("steps in wrong order");
        assertThat(RetCall.of(db, "pgq_node.demote_root('q', 1, 'n2')").code()).isEqualTo(200);
        Long lastTick = db.queryValue("select last_tick from pgq_node.demote_root('q', 2, 'n2')", Long.class);
        assertThat(lastTick).isEqualTo(2L);
        assertThat(db.queryValue("select last_tick from pgq_node.demote_root('q', 3, 'n2')", Long.class))
                .isEqualTo(lastTick);

        assertThat(RetCall.of(db, "pgq_node.demote_root('q', 1, 'n2')")).isEqualTo(new RetCall(301, "Node not root"));
        Map<String, Object> worker =
                db.query("select * from pgq_node.get_worker_state('q')").get(0);
        assertThat(worker)
                .containsEntry("node_type", "branch")
                .containsEntry("provider_node", "n2")
                .containsEntry("completed_tick", lastTick)
                .containsEntry("uptodate", false);
        // the demoted root's queue takes no more inserts
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("select pgq.insert_event('q', 'x', 'y')"))
                    .hasMessageContaining("Insert into queue disallowed");
        }
    }

    @Test
    void n5_onlyABranchIsPromotedAndItsTicksContinue(TestDatabase db) {
        root(db, "q");
        assertThat(RetCall.of(db, "pgq_node.promote_branch('q')")).isEqualTo(new RetCall(301, "Node not branch"));

        locations(db, "b", "n1", "n2");
        assertThat(createNode(db, "b", "branch", "n2", "n1", 7L, null).code()).isEqualTo(200);
        db.query("select pgq.ticker('b', 9, now(), 1)");

        assertThat(RetCall.of(db, "pgq_node.promote_branch('b')").code()).isEqualTo(200);

        assertThat(db.queryValue("select pgq_node.is_root_node('b')", Boolean.class))
                .isTrue();
        db.execute("update pgq.queue set queue_ticker_max_lag = '0', queue_ticker_idle_period = '0'");
        assertThat(db.queryValue("select pgq.ticker('b')", Long.class)).isEqualTo(10L);
        assertThat(db.queryValue("select pgq.insert_event('b', 'x', 'y')", Long.class))
                .isNotNull();
        assertThat(db.queryValue("select provider_node from pgq_node.local_state where queue_name = 'b'", String.class))
                .isEqualTo("n2");
    }

    @Test
    void n6_ownAndProviderLocationsCannotBeUnregistered(TestDatabase db) {
        locations(db, "b", "n1", "n2", "n3");
        createNode(db, "b", "branch", "n2", "n1", 1L, null);

        assertThat(RetCall.of(db, "pgq_node.unregister_location('b', 'n2')"))
                .isEqualTo(new RetCall(403, "Cannot drop node's own location"));
        assertThat(RetCall.of(db, "pgq_node.unregister_location('b', 'n1')"))
                .isEqualTo(new RetCall(403, "Cannot drop location of node's parent"));
        assertThat(RetCall.of(db, "pgq_node.drop_node('b', 'n1')").code()).isEqualTo(405);
        assertThat(RetCall.of(db, "pgq_node.unregister_location('b', 'n3')").code())
                .isEqualTo(200);
        assertThat(RetCall.of(db, "pgq_node.unregister_location('b', 'n3')").code())
                .isEqualTo(301);
    }

    @Test
    void n7_memberMapChangesOnTheRootBecomeEvents(TestDatabase db) {
        root(db, "q");

        RetCall.of(db, "pgq_node.register_location('q', 'n4', 'dbname=x', false)");
        RetCall.of(db, "pgq_node.register_location('q', 'n4', null, true)");
        RetCall.of(db, "pgq_node.unregister_location('q', 'n4')");

        List<Map<String, Object>> events = db.query(
                "select ev_type, ev_data, ev_extra1, ev_extra2, ev_extra3 from pgq.event_template order by ev_id");
        assertThat(events).hasSize(3);
        assertThat(events.get(0))
                .containsEntry("ev_type", "pgq.location-info")
                .containsEntry("ev_data", "n4")
                .containsEntry("ev_extra1", "q")
                .containsEntry("ev_extra2", "dbname=x")
                .containsEntry("ev_extra3", "false");
        assertThat(events.get(1)).containsEntry("ev_extra2", "dbname=x").containsEntry("ev_extra3", "true");
        assertThat(events.get(2))
                .containsEntry("ev_type", "pgq.unregister-location")
                .containsEntry("ev_data", "n4");

        // a branch keeps such changes to itself
        locations(db, "b", "n1", "n2");
        createNode(db, "b", "branch", "n2", "n1", 1L, null);
        RetCall.of(db, "pgq_node.register_location('b', 'n5', 'dbname=y', false)");
        assertThat(eventTypes(db)).hasSize(3);
    }

    @Test
    void n8_branchSkipsAGlobalWatermarkItHasNoTickFor(TestDatabase db) {
        locations(db, "b", "n1", "n2");
        createNode(db, "b", "branch", "n2", "n1", 5L, null);

        assertThat(RetCall.of(db, "pgq_node.set_global_watermark('b', 8)"))
                .isEqualTo(new RetCall(200, "Skipping global watermark update to 8"));
        assertThat(db.queryValue("select last_tick from pgq.get_consumer_info('b', '.global_watermark')", Long.class))
                .isEqualTo(5L);
        assertThat(RetCall.of(db, "pgq_node.set_global_watermark('b', null)").code())
                .isEqualTo(500);

        db.query("select pgq.ticker('b', 8, now(), 1)");
        assertThat(RetCall.of(db, "pgq_node.set_global_watermark('b', 8)"))
                .isEqualTo(new RetCall(200, "Global watermark set to 8"));
        assertThat(db.queryValue("select last_tick from pgq.get_consumer_info('b', '.global_watermark')", Long.class))
                .isEqualTo(8L);
    }

    @Test
    void n8_rootPublishesItsWatermarkDownTheCascade(TestDatabase db) {
        root(db, "q");
        RetCall.of(db, "pgq_node.register_subscriber('q', 'n2', 'w2', null)");
        db.query("select pgq.ticker('q')");
        RetCall.of(db, "pgq_node.set_subscriber_watermark('q', 'n2', 2)");
        db.execute("update pgq.subscription s set sub_last_tick = 2 from pgq.consumer c"
                + " where c.co_id = s.sub_consumer and c.co_name = 'w2'");

        assertThat(RetCall.of(db, "pgq_node.set_global_watermark('q', null)"))
                .isEqualTo(new RetCall(200, "Global watermark set to 2"));
        assertThat(db.queryValue("select global_watermark from pgq_node.get_node_info('q')", Long.class))
                .isEqualTo(2L);
        assertThat(db.queryValue(
                        "select ev_data from pgq.event_template where ev_type = 'pgq.global-watermark'", String.class))
                .isEqualTo("2");
        assertThat(db.queryValue(
                        "select last_tick_id from pgq_node.local_state where consumer_name = 'n1_worker'", Long.class))
                .isEqualTo(2L);
    }

    @Test
    void c9_localWatermarkIsTheLowestLocalConsumerElseTheLatestTick(TestDatabase db) {
        root(db, "q");
        String localWm = "select local_watermark from pgq_node.get_node_info('q')";
        // only .global_watermark reads the queue: the latest tick
        db.query("select pgq.ticker('q')");
        db.query("select pgq.ticker('q')");
        assertThat(db.queryValue(localWm, Long.class)).isEqualTo(3L);

        // a plain consumer and a subscriber's watermark consumer hold it back
        db.query("select pgq.register_consumer('q', 'plain')");
        RetCall.of(db, "pgq_node.register_subscriber('q', 'n2', 'w2', null)");
        db.query("select pgq.ticker('q')");
        db.query("select pgq.ticker('q')");
        RetCall.of(db, "pgq_node.set_subscriber_watermark('q', 'n2', 4)");
        db.execute("update pgq.subscription s set sub_last_tick = 5 from pgq.consumer c"
                + " where c.co_id = s.sub_consumer and c.co_name in ('plain', 'w2')");
        assertThat(db.queryValue(localWm, Long.class)).isEqualTo(4L);
        db.execute("update pgq.subscription s set sub_last_tick = 2 from pgq.consumer c"
                + " where c.co_id = s.sub_consumer and c.co_name = 'plain'");
        assertThat(db.queryValue(localWm, Long.class)).isEqualTo(2L);
        // .global_watermark itself does not count
        assertThat(db.queryValue("select global_watermark from pgq_node.get_node_info('q')", Long.class))
                .isEqualTo(1L);
        db.query("select pgq.unregister_consumer('q', 'plain')");
        assertThat(db.queryValue(localWm, Long.class)).isEqualTo(4L);

        // a leaf: its worker's position
        locations(db, "leafq", "n1", "n2");
        assertThat(createNode(db, "leafq", "leaf", "n2", "n1", 7L, null).code()).isEqualTo(200);
        assertThat(db.queryValue("select local_watermark from pgq_node.get_node_info('leafq')", Long.class))
                .isEqualTo(db.queryValue("select worker_last_tick from pgq_node.get_node_info('leafq')", Long.class));
    }

    @Test
    void c12_tickerMaintenanceRepublishesAStaleRootWatermark(TestDatabase db) {
        root(db, "q");
        db.query("select pgq.ticker('q')");
        db.query("select pgq.ticker('q')");
        assertThat(db.query("select func_name, func_arg from pgq.maint_operations()").stream()
                        .map(r -> r.get("func_name") + " " + r.get("func_arg")))
                .contains("pgq_node.maint_watermark q");
        String globalWm = "select global_watermark from pgq_node.get_node_info('q')";

        // published less than 5 minutes ago: left alone
        assertThat(db.queryValue("select pgq_node.maint_watermark('q')", Integer.class))
                .isZero();
        assertThat(db.queryValue(globalWm, Long.class)).isEqualTo(1L);

        // no root worker has moved it for 10 minutes: the ticker's maintenance publishes it
        db.execute("update pgq.tick set tick_time = now() - interval '10 minutes' where tick_id = 1");
        assertThat(db.queryValue("select pgq_node.maint_watermark('q')", Integer.class))
                .isZero();
        assertThat(db.queryValue(globalWm, Long.class)).isEqualTo(3L);
        assertThat(db.queryValue(
                        "select ev_data from pgq.event_template where ev_type = 'pgq.global-watermark'", String.class))
                .isEqualTo("3");

        // on a node that is not a root it does nothing
        locations(db, "leafq", "n1", "n2");
        createNode(db, "leafq", "leaf", "n2", "n1", 1L, null);
        assertThat(db.queryValue("select pgq_node.maint_watermark('leafq')", Integer.class))
                .isZero();
    }

    @Test
    void n9_pausingTwiceAnswers201AndAChangeClearsUptodate(TestDatabase db) {
        root(db, "q");
        RetCall.of(db, "pgq_node.set_consumer_uptodate('q', 'n1_worker', true)");

        assertThat(RetCall.of(db, "pgq_node.set_consumer_paused('q', 'n1_worker', true)"))
                .isEqualTo(new RetCall(200, "Consumer n1_worker tagged as paused"));
        assertThat(db.queryValue("select uptodate from pgq_node.local_state", Boolean.class))
                .isFalse();
        assertThat(RetCall.of(db, "pgq_node.set_consumer_paused('q', 'n1_worker', true)"))
                .isEqualTo(new RetCall(201, "Consumer n1_worker already paused"));
        assertThat(RetCall.of(db, "pgq_node.set_consumer_paused('q', 'n1_worker', false)")
                        .code())
                .isEqualTo(200);
        assertThat(RetCall.of(db, "pgq_node.set_consumer_paused('q', 'nobody', false)")
                        .code())
                .isEqualTo(404);
    }

    @Test
    void cascadedConsumerRecordsTheCompletedTickInItsOwnTransaction(TestDatabase db) throws SQLException {
        locations(db, "b", "n1", "n2");
        createNode(db, "b", "branch", "n2", "n1", 1L, null);
        assertThat(RetCall.of(db, "pgq_node.register_consumer('b', 'c', 'n1', 1)")
                        .code())
                .isEqualTo(200);
        db.execute("create table target (id int)");

        // a batch whose work fails leaves neither the work nor the tick behind
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("insert into target values (1)");
                st.execute("select pgq_node.set_consumer_completed('b', 'c', 2)");
            }
            c.rollback();
        }
        assertThat(db.queryValue("select completed_tick from pgq_node.get_consumer_state('b', 'c')", Long.class))
                .isEqualTo(1L);

        RetCall.of(db, "pgq_node.set_consumer_error('b', 'c', 'boom')");
        assertThat(db.queryValue("select cur_error from pgq_node.get_consumer_state('b', 'c')", String.class))
                .isEqualTo("boom");
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("insert into target values (1)");
                st.execute("select pgq_node.set_consumer_completed('b', 'c', 2)");
            }
            c.commit();
        }
        Map<String, Object> state =
                db.query("select * from pgq_node.get_consumer_state('b', 'c')").get(0);
        assertThat(state)
                .containsEntry("ret_code", 100)
                .containsEntry("completed_tick", 2L)
                .containsEntry("provider_location", "dbname=n1")
                .containsEntry("cur_error", null);

        assertThat(RetCall.of(db, "pgq_node.change_consumer_provider('b', 'c', 'n2')")
                        .code())
                .isEqualTo(200);
        assertThat(db.queryValue("select provider_node from pgq_node.get_consumer_state('b', 'c')", String.class))
                .isEqualTo("n2");
        assertThat(RetCall.of(db, "pgq_node.unregister_consumer('b', 'c')").code())
                .isEqualTo(200);
        assertThat(RetCall.of(db, "pgq_node.get_consumer_state('b', 'c')").code())
                .isEqualTo(404);
    }

    @Test
    void droppingTheLocalNodeRemovesItsQueueAndState(TestDatabase db) {
        root(db, "q");
        RetCall.of(db, "pgq_node.register_subscriber('q', 'n2', 'w2', null)");

        assertThat(RetCall.of(db, "pgq_node.drop_node('q', 'n1')")).isEqualTo(new RetCall(200, "Node dropped: n1"));

        assertThat(db.queryValue("select count(*) from pgq.queue", Long.class)).isZero();
        assertThat(db.queryValue(
                        "select (select count(*) from pgq_node.node_info) + (select count(*) from pgq_node.local_state)"
                                + " + (select count(*) from pgq_node.subscriber_info)"
                                + " + (select count(*) from pgq_node.node_location)",
                        Long.class))
                .isZero();
    }
}
