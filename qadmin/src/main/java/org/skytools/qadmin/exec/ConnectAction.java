package org.skytools.qadmin.exec;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.skytools.common.cli.VersionProvider;
import org.skytools.common.db.ConnectString;
import org.skytools.common.error.SkyToolsException;
import org.skytools.qadmin.lang.Statement;

/**
 * {@code connect}: new connection parameters replace the current ones key by key (as psql's
 * {@code \c} does), {@code queue=} checks the queue and makes it the default, {@code node=} moves
 * to that node's location as recorded in pgq_node.
 */
final class ConnectAction {
    private static final List<String> RAW_KEYS = List.of("dbname", "host", "port", "user", "password");

    private final Session session;
    private final Output out;

    ConnectAction(Session session, Output out) {
        this.session = session;
        this.out = out;
    }

    void run(Statement.Connect statement) throws SQLException {
        Map<String, String> params = statement.params();
        boolean raw = RAW_KEYS.stream().anyMatch(params::containsKey);
        String node = params.get("node");
        String queue = params.getOrDefault("queue", session.queue());
        if (node != null && raw) {
            throw SkyToolsException.usage(
                    "connect node=... takes the node's own location and cannot be combined with dbname, host, port,"
                            + " user or password");
        }
        if (node != null && queue == null) {
            throw SkyToolsException.usage(
                    "connect node=... needs a queue; add queue=<queue> or set a default queue first");
        }
        if (raw) {
            ConnectString cs = session.connectString();
            for (String key : RAW_KEYS) {
                if (params.containsKey(key)) {
                    cs = cs.with(key, params.get(key));
                }
            }
            session.reconnect(cs);
            banner();
            if (!params.containsKey("queue") && session.queue() != null && !queueExists(session.queue())) {
                out.warning("queue \"" + session.queue() + "\" does not exist in database \"" + session.database()
                        + "\"; no default queue now");
                session.setQueue(null);
            }
        }
        if (params.containsKey("queue") || node != null) {
            requireQueue(queue);
        }
        if (node != null) {
            session.requireSchema("pgq_node", "install pgq;");
            List<String> locations = Db.column(
                    session.connection(),
                    "select node_location from pgq_node.get_queue_locations(?::text) where node_name = ?",
                    queue,
                    node);
            if (locations.isEmpty()) {
                throw SkyToolsException.state("node \"" + node + "\" is not a member of queue \"" + queue + "\"");
            }
            session.reconnect(ConnectString.parse(locations.get(0)));
            banner();
        }
        if (params.containsKey("queue")) {
            session.setQueue(queue);
        }
        out.line("CONNECT");
    }

    private boolean queueExists(String queue) throws SQLException {
        return session.hasSchema("pgq")
                && Db.exists(session.connection(), "select 1 from pgq.get_queue_info(?::text)", queue);
    }

    private void requireQueue(String queue) throws SQLException {
        session.requireSchema("pgq", "install pgq;");
        if (!queueExists(queue)) {
            throw SkyToolsException.state("queue \"" + queue + "\" does not exist in database \"" + session.database()
                    + "\"; create it with: create queue " + queue + ";");
        }
    }

    private void banner() {
        out.line("qadmin (" + VersionProvider.productVersion() + ", server " + session.serverVersion() + ", pgq "
                + session.pgqVersion() + ")");
    }
}
