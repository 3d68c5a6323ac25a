package org.skytools.qadmin.exec;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.skytools.common.error.SkyToolsException;
import org.skytools.qadmin.lang.Statement;

/** {@code create queue}, {@code drop queue}, {@code alter queue} and {@code show queue}. */
final class QueueActions {
    private static final String SHOW_QUEUE = "select queue_name,"
            + " queue_cur_table || '/' || queue_ntables as tables,"
            + " queue_ticker_max_count as max_count,"
            + " queue_ticker_max_lag as max_lag,"
            + " queue_ticker_idle_period as idle_period,"
            + " queue_ticker_paused as paused,"
            + " ticker_lag, ev_per_sec, ev_new";

    private final Session session;
    private final Output out;

    QueueActions(Session session, Output out) {
        this.session = session;
        this.out = out;
    }

    void create(Statement.CreateQueue statement) throws SQLException {
        session.requireSchema("pgq", "install pgq;");
        String queue = statement.queue();
        if (exists(queue)) {
            throw SkyToolsException.state("queue \"" + queue + "\" already exists");
        }
        Db.call(session.connection(), "select pgq.create_queue(?::text)", queue);
        out.line("CREATE");
    }

    void drop(Statement.DropQueue statement) throws SQLException {
        session.requireSchema("pgq", "install pgq;");
        String queue = statement.queue();
        requireExists(queue);
        Db.call(session.connection(), "select pgq.drop_queue(?::text)", queue);
        if (queue.equals(session.queue())) {
            session.setQueue(null);
        }
        out.line("DROP");
    }

    void alter(Statement.AlterQueue statement) throws SQLException {
        session.requireSchema("pgq", "install pgq;");
        Connection c = session.connection();
        List<String> queues;
        if (statement.queue().isAll()) {
            queues = Db.column(c, "select queue_name from pgq.get_queue_info()");
        } else {
            requireExists(statement.queue().name());
            queues = List.of(statement.queue().name());
        }
        Db.inTransaction(c, () -> {
            for (String queue : queues) {
                for (Map.Entry<String, String> e : statement.settings().entrySet()) {
                    Db.call(
                            c,
                            "select pgq.set_queue_config(?::text, ?::text, ?::text)",
                            queue,
                            e.getKey(),
                            e.getValue());
                }
            }
        });
        out.line("ALTER");
    }

    void show(Statement.ShowQueue statement) throws SQLException {
        session.requireSchema("pgq", "install pgq;");
        String queue;
        if (statement.queue() != null) {
            queue = statement.queue().isAll() ? null : statement.queue().name();
        } else {
            // without an argument: the default queue, or every queue when there is none
            queue = session.queue();
        }
        ResultTable table = queue == null
                ? Db.table(session.connection(), SHOW_QUEUE + " from pgq.get_queue_info()")
                : Db.table(session.connection(), SHOW_QUEUE + " from pgq.get_queue_info(?::text)", queue);
        out.table("Queue \"" + (queue == null ? "*" : queue) + "\":", table);
    }

    private boolean exists(String queue) throws SQLException {
        return Db.exists(session.connection(), "select 1 from pgq.get_queue_info(?::text)", queue);
    }

    private void requireExists(String queue) throws SQLException {
        if (!exists(queue)) {
            throw SkyToolsException.state("queue \"" + queue + "\" does not exist");
        }
    }
}
