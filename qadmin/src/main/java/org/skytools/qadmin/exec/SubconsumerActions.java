package org.skytools.qadmin.exec;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.skytools.common.error.SkyToolsException;
import org.skytools.qadmin.lang.Statement;

/** {@code register subconsumer} and {@code unregister subconsumer} over pgq_coop. */
final class SubconsumerActions {
    private final Session session;
    private final Output out;

    SubconsumerActions(Session session, Output out) {
        this.session = session;
        this.out = out;
    }

    void register(Statement.RegisterSubconsumer statement) throws SQLException {
        String queue = session.queueOr(statement.queue());
        session.requireSchema("pgq_coop", "install pgq;");
        String consumer = statement.consumer();
        String sub = statement.subconsumer();
        // pgq_coop registers a subconsumer as the PgQ consumer "<consumer>.<subconsumer>"
        if (Db.exists(
                session.connection(),
                "select 1 from pgq.get_consumer_info(?::text, ?::text)",
                queue,
                consumer + "." + sub)) {
            throw SkyToolsException.state("subconsumer \"" + sub + "\" of consumer \"" + consumer
                    + "\" is already registered on queue \"" + queue + "\"");
        }
        Db.call(
                session.connection(),
                "select pgq_coop.register_subconsumer(?::text, ?::text, ?::text)",
                queue,
                consumer,
                sub);
        out.line("REGISTER");
    }

    void unregister(Statement.UnregisterSubconsumer statement) throws SQLException {
        String queue = session.queueOr(statement.queue());
        session.requireSchema("pgq_coop", "install pgq;");
        Connection c = session.connection();
        String consumer = statement.consumer();
        List<String> subs;
        if (statement.subconsumer().isAll()) {
            String prefix = consumer + ".";
            subs = Db.column(c, "select consumer_name from pgq.get_consumer_info(?::text)", queue).stream()
                    .filter(n -> n.startsWith(prefix))
                    .map(n -> n.substring(prefix.length()))
                    .toList();
        } else {
            subs = List.of(statement.subconsumer().name());
        }
        int batchHandling = statement.closeBatch() ? 1 : 0;
        Db.inTransaction(c, () -> {
            for (String sub : subs) {
                Db.call(
                        c,
                        "select pgq_coop.unregister_subconsumer(?::text, ?::text, ?::text, ?::int4)",
                        queue,
                        consumer,
                        sub,
                        batchHandling);
            }
        });
        out.line("UNREGISTER");
    }
}
