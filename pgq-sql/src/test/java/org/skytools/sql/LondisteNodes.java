package org.skytools.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.skytools.testkit.TestDatabase;

/** Node set-ups for the londiste tests: roots, branches and merge-leafs in one database. */
final class LondisteNodes {
    private LondisteNodes() {}

    static void root(TestDatabase db, String queue) {
        node(db, queue, "root", null, null);
    }

    static void branch(TestDatabase db, String queue) {
        node(db, queue, "branch", queue + "_provider", null);
    }

    static void leaf(TestDatabase db, String queue, String combinedQueue) {
        node(db, queue, "leaf", queue + "_provider", combinedQueue);
    }

    private static void node(TestDatabase db, String queue, String type, String provider, String combined) {
        String self = queue + "_node";
        register(db, queue, self);
        if (provider != null) {
            register(db, queue, provider);
        }
        RetCall ret = RetCall.of(
                db,
                "pgq_node.create_node(?, ?, ?, ?, ?, ?::bigint, ?)",
                queue,
                type,
                self,
                queue + "_worker",
                provider,
                provider == null ? null : 1L,
                combined);
        assertThat(ret.code()).as(ret.note()).isEqualTo(200);
    }

    private static void register(TestDatabase db, String queue, String node) {
        assertThat(RetCall.of(db, "pgq_node.register_location(?, ?, ?, false)", queue, node, "dbname=" + node)
                        .code())
                .isEqualTo(200);
    }

    /** The event types in the queue's event tables, in insert order. */
    static List<String> events(TestDatabase db, String queue) {
        return db
                .query(
                        "select e.ev_type || ':' || coalesce(e.ev_data, '') as ev from pgq.event_template e"
                                + " join pgq.queue q on e.tableoid::regclass::text like q.queue_data_pfx || '\\_%'"
                                + " where q.queue_name = ? order by e.ev_id",
                        queue)
                .stream()
                .map(r -> (String) r.get("ev"))
                .toList();
    }

    static String state(TestDatabase db, String queue, String table) {
        return db.queryValue(
                "select coalesce(merge_state, 'NULL') from londiste.table_info where queue_name = ? and table_name = ?",
                String.class,
                queue,
                table);
    }

    static List<String> triggers(TestDatabase db, String table) {
        return db
                .query(
                        "select tgname from pg_trigger where tgrelid = ?::regclass and not tgisinternal order by 1",
                        table)
                .stream()
                .map(r -> (String) r.get("tgname"))
                .toList();
    }
}
