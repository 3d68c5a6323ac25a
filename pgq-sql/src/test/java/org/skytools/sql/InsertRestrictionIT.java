package org.skytools.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/** Insert restrictions (behaviour.md §1.5). */
@PgTest(template = PgqTemplate.class)
@Timeout(120)
class InsertRestrictionIT {

    @Test
    void q27_disabledQueueRefusesInsertsUnlessTheSessionIsAReplica(TestDatabase db) throws Exception {
        try (PgqSession s = PgqSession.open(db)) {
            s.createEagerQueue("q");
            s.exec("update pgq.queue set queue_disable_insert = true");

            assertThatThrownBy(() -> s.insert("q", "origin")).hasMessageContaining("Insert into queue disallowed");
            assertThatThrownBy(() -> s.value("select pgq.current_event_table('q')", String.class))
                    .hasMessageContaining("Writing to queue disabled");
            s.exec("set session_replication_role = local");
            assertThatThrownBy(() -> s.insert("q", "local")).hasMessageContaining("Insert into queue disallowed");

            s.exec("set session_replication_role = replica");
            s.insert("q", "replica");
            assertThat(s.value("select pgq.current_event_table('q')", String.class))
                    .isEqualTo("pgq.event_1_0");
            s.exec("set session_replication_role = origin");

            assertThat(s.value("select string_agg(ev_data, ',') from pgq.event_1", String.class))
                    .isEqualTo("replica");
        }
    }

    @Test
    void q28_perTransactionLimitRefusesTheEventAfterTheLimit(TestDatabase db) throws Exception {
        try (PgqSession s = PgqSession.open(db)) {
            s.createEagerQueue("q");
            s.createEagerQueue("free");
            s.exec("update pgq.queue set queue_per_tx_limit = 3 where queue_name = 'q'");

            s.begin();
            for (int i = 0; i < 3; i++) {
                s.insert("q", "in limit " + i);
                s.insert("free", "other queue " + i);
            }
            assertThatThrownBy(() -> s.insert("q", "one too many"))
                    .hasMessageContaining("Queue 'q' allows max 3 events from one TX");
            s.rollback();

            // every transaction starts counting from zero
            for (int i = 0; i < 5; i++) {
                s.insert("q", "own transaction " + i);
            }
            assertThat(s.value("select count(*) from pgq.event_1", Long.class)).isEqualTo(5L);

            s.exec("update pgq.queue set queue_per_tx_limit = 0 where queue_name = 'q'");
            assertThatThrownBy(() -> s.insert("q", "none allowed"))
                    .hasMessageContaining("Queue 'q' allows max 0 events from one TX");

            s.exec("update pgq.queue set queue_per_tx_limit = null where queue_name = 'q'");
            s.begin();
            for (int i = 0; i < 50; i++) {
                s.insert("q", "unlimited " + i);
            }
            s.commit();
            assertThat(s.value("select count(*) from pgq.event_1", Long.class)).isEqualTo(55L);
        }
    }

    @Test
    void q28_eventsRolledBackToASavepointDoNotCount(TestDatabase db) throws Exception {
        // The C insert path of PgQ counted attempts; here the count follows the events that the
        // transaction can still commit.
        try (PgqSession s = PgqSession.open(db)) {
            s.createEagerQueue("q");
            s.exec("update pgq.queue set queue_per_tx_limit = 2");
            s.begin();
            s.insert("q", "kept");
            s.exec("savepoint sp");
            s.insert("q", "discarded");
            s.exec("rollback to savepoint sp");
            s.insert("q", "kept too");
            assertThatThrownBy(() -> s.insert("q", "third")).hasMessageContaining("allows max 2 events");
            s.rollback();
        }
    }
}
