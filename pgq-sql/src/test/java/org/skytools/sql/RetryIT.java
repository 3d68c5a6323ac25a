package org.skytools.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/** The retry queue (behaviour.md §1.4). */
@PgTest(template = PgqTemplate.class)
@Timeout(120)
class RetryIT {

    @Test
    void q24_eventRetryStoresTheEventForItsSubscriptionWithTheRetryCountIncreased(TestDatabase db) throws Exception {
        try (PgqSession s = PgqSession.open(db)) {
            s.createEagerQueue("q");
            s.register("q", "c");
            long id = s.insert("q", "flaky");
            s.tick("q");
            Long batch = s.nextBatch("q", "c");
            int subId = s.value("select sub_id from pgq.subscription", Integer.class);

            assertThat(s.value("select pgq.event_retry(?, ?, 0)", Integer.class, batch, id))
                    .isEqualTo(1);
            assertThat(s.value("select pgq.event_retry(?, ?, 0)", Integer.class, batch, id))
                    .isZero();
            assertThatThrownBy(() -> s.value("select pgq.event_retry(?, 424242, 0)", Integer.class, batch))
                    .hasMessageContaining("event not found");
            Map<String, Object> stored = s.rows(
                            "select ev_id, ev_owner, ev_retry, ev_txid, ev_data from pgq.retry_queue")
                    .get(0);
            assertThat(stored.get("ev_id")).isEqualTo(id);
            assertThat(stored.get("ev_owner")).isEqualTo(subId);
            assertThat(stored.get("ev_retry")).isEqualTo(1);
            assertThat(stored.get("ev_txid")).isNull();
            assertThat(stored.get("ev_data")).isEqualTo("flaky");
            s.finish(batch);

            // a retried event that fails again counts up
            s.value("select pgq.maint_retry_events()", Integer.class);
            s.tick("q");
            Long again = s.nextBatch("q", "c");
            s.value("select pgq.event_retry(?, ?, interval '1 hour' + now())", Integer.class, again, id);
            assertThat(s.value("select ev_retry from pgq.retry_queue", Integer.class))
                    .isEqualTo(2);
        }
    }

    @Test
    void q25_maintenanceMovesAtMostTenDueEventsByDueTimeKeepingTheirFieldsForTheOwnerOnly(TestDatabase db)
            throws Exception {
        try (PgqSession s = PgqSession.open(db)) {
            s.createEagerQueue("q");
            s.register("q", "owner");
            s.register("q", "other");
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 17; i++) {
                ids.add(s.insert("q", "e" + i));
            }
            s.tick("q");
            assertThat(s.drain("q", "other")).hasSize(17);
            Long batch = s.nextBatch("q", "owner");
            // due times run opposite to the ids; the last two are not due yet
            for (int i = 0; i < 17; i++) {
                String due = i < 2 ? "now() + interval '1 hour'" : "now() - interval '1 minute' * " + i;
                s.value("select pgq.event_retry(?, ?, " + due + ")", Integer.class, batch, ids.get(i));
            }
            s.finish(batch);
            List<Map<String, Object>> original =
                    s.rows("select ev_id, ev_time, ev_retry from pgq.retry_queue order by ev_id");

            assertThat(s.value("select pgq.maint_retry_events()", Integer.class))
                    .isEqualTo(10);
            assertThat(s.rows("select ev_id from pgq.retry_queue order by ev_id"))
                    .extracting(r -> r.get("ev_id"))
                    .containsExactlyElementsOf(ids.subList(0, 7));
            assertThat(s.value("select pgq.maint_retry_events()", Integer.class))
                    .isEqualTo(5);
            assertThat(s.value("select pgq.maint_retry_events()", Integer.class))
                    .isZero();
            assertThat(s.value("select count(*) from pgq.retry_queue", Long.class))
                    .isEqualTo(2L);

            s.tick("q");
            Long retried = s.nextBatch("q", "owner");
            List<Map<String, Object>> events =
                    s.rows("select ev_id, ev_time, ev_retry from pgq.get_batch_events(?)", retried);
            assertThat(events).hasSize(15);
            for (Map<String, Object> event : events) {
                assertThat(original).contains(event);
            }
            assertThat(s.value(
                            "select count(*) from pgq.event_1 where ev_retry is not null"
                                    + " and ev_owner = (select sub_id from pgq.subscription s, pgq.consumer c"
                                    + " where c.co_id = s.sub_consumer and c.co_name = 'owner')",
                            Long.class))
                    .isEqualTo(15L);
            assertThat(s.drain("q", "other")).isEmpty();
        }
    }

    @Test
    void q26_batchRetryQueuesEveryEventNotQueuedYet(TestDatabase db) throws Exception {
        try (PgqSession s = PgqSession.open(db)) {
            s.createEagerQueue("q");
            s.register("q", "c");
            long first = s.insert("q", "e1");
            s.insert("q", "e2");
            s.insert("q", "e3");
            s.tick("q");
            Long batch = s.nextBatch("q", "c");
            s.value("select pgq.event_retry(?, ?, 60)", Integer.class, batch, first);

            assertThat(s.value("select pgq.batch_retry(?, 60)", Integer.class, batch))
                    .isEqualTo(2);
            assertThat(s.value("select pgq.batch_retry(?, 60)", Integer.class, batch))
                    .isZero();
            assertThat(s.value("select count(*) from pgq.retry_queue where ev_retry_after > now()", Long.class))
                    .isEqualTo(3L);
            assertThatThrownBy(() -> s.value("select pgq.batch_retry(4242, 60)", Integer.class))
                    .hasMessageContaining("batch_retry: batch 4242 not found");
        }
    }
}
