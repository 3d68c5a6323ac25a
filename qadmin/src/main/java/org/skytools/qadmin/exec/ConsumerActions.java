package org.skytools.qadmin.exec;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.skytools.common.error.SkyToolsException;
import org.skytools.qadmin.lang.Statement;

/** {@code register/unregister consumer}, {@code show consumer} and {@code show batch}. */
final class ConsumerActions {
    private final Session session;
    private final Output out;

    ConsumerActions(Session session, Output out) {
        this.session = session;
        this.out = out;
    }

    void register(Statement.RegisterConsumer statement) throws SQLException {
        String queue = session.queueOr(statement.queue());
        session.requireSchema("pgq", "install pgq;");
        requireQueue(queue);
        Connection c = session.connection();
        String consumer = statement.consumer();
        Long tick = statement.atTick();
        if (statement.copyFrom() != null) {
            List<String> pos = Db.column(
                    c,
                    "select coalesce(next_tick, last_tick) from pgq.get_consumer_info(?::text, ?::text)",
                    queue,
                    statement.copyFrom());
            if (pos.isEmpty()) {
                throw notRegistered(statement.copyFrom(), queue);
            }
            tick = Long.valueOf(pos.get(0));
        }
        if (tick == null) {
            // without an explicit position a second registration would silently keep the old one
            if (isRegistered(queue, consumer)) {
                throw SkyToolsException.state(
                        "consumer \"" + consumer + "\" is already registered on queue \"" + queue + "\"");
            }
            Db.call(c, "select pgq.register_consumer(?::text, ?::text)", queue, consumer);
        } else {
            Db.call(c, "select pgq.register_consumer_at(?::text, ?::text, ?::bigint)", queue, consumer, tick);
        }
        out.line("REGISTER");
    }

    void unregister(Statement.UnregisterConsumer statement) throws SQLException {
        String queue = session.queueOr(statement.queue());
        session.requireSchema("pgq", "install pgq;");
        requireQueue(queue);
        Connection c = session.connection();
        List<String> consumers;
        if (statement.consumer().isAll()) {
            consumers = Db.column(c, "select consumer_name from pgq.get_consumer_info(?::text)", queue);
        } else {
            consumers = List.of(statement.consumer().name());
            if (!isRegistered(queue, consumers.get(0))) {
                throw notRegistered(consumers.get(0), queue);
            }
        }
        Db.inTransaction(c, () -> {
            for (String consumer : consumers) {
                // unregistering a cooperative consumer takes its subconsumers with it
                if (isRegistered(queue, consumer)) {
                    Db.call(c, "select pgq.unregister_consumer(?::text, ?::text)", queue, consumer);
                }
            }
        });
        out.line("UNREGISTER");
    }

    void show(Statement.ShowConsumer statement) throws SQLException {
        session.requireSchema("pgq", "install pgq;");
        String consumer = name(statement.consumer());
        String queue = name(statement.queue());
        ResultTable table = Db.table(
                session.connection(), "select * from pgq.get_consumer_info(?::text, ?::text)", queue, consumer);
        out.table(
                "Consumer \"" + (consumer == null ? "*" : consumer) + "\" on queue \"" + (queue == null ? "*" : queue)
                        + "\":",
                table);
    }

    void showBatch(Statement.ShowBatch statement) throws SQLException {
        String queue = session.defaultQueue();
        session.requireSchema("pgq", "install pgq;");
        Connection c = session.connection();
        Long batch = statement.batchId();
        if (batch == null) {
            String consumer = statement.consumer();
            List<String> rows =
                    Db.column(c, "select current_batch from pgq.get_consumer_info(?::text, ?::text)", queue, consumer);
            if (rows.isEmpty()) {
                throw notRegistered(consumer, queue);
            }
            if (rows.get(0) == null) {
                throw SkyToolsException.state(
                        "consumer \"" + consumer + "\" has no open batch on queue \"" + queue + "\"");
            }
            batch = Long.valueOf(rows.get(0));
        }
        out.table("Batch events:", Db.table(c, "select * from pgq.get_batch_events(?::bigint)", batch));
    }

    private static String name(Statement.Target target) {
        return target == null || target.isAll() ? null : target.name();
    }

    private boolean isRegistered(String queue, String consumer) throws SQLException {
        return Db.exists(
                session.connection(), "select 1 from pgq.get_consumer_info(?::text, ?::text)", queue, consumer);
    }

    private void requireQueue(String queue) throws SQLException {
        if (!Db.exists(session.connection(), "select 1 from pgq.get_queue_info(?::text)", queue)) {
            throw SkyToolsException.state("queue \"" + queue + "\" does not exist");
        }
    }

    static SkyToolsException notRegistered(String consumer, String queue) {
        return SkyToolsException.state("consumer \"" + consumer + "\" is not registered on queue \"" + queue + "\"");
    }
}
