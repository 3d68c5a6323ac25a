package org.skytools.londiste.table;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;

/**
 * The local node of a queue as {@code pgq_node.get_node_info} describes it.
 *
 * @param queue queue name
 * @param type {@code root}, {@code branch} or {@code leaf}
 * @param name node name
 * @param providerNode provider node name (the node itself on a root)
 * @param providerLocation provider connect string
 * @param workerName the worker consumer of the node
 */
public record LocalNode(
        String queue, String type, String name, String providerNode, String providerLocation, String workerName) {

    /** Reads the node; a database that is no node of {@code queue} is a STATE error. */
    public static LocalNode read(Connection c, String queue) throws SQLException {
        List<Map<String, Object>> rows = SqlRows.query(c, "select * from pgq_node.get_node_info(?)", queue);
        if (rows.isEmpty() || ((Number) rows.get(0).get("ret_code")).intValue() >= 400) {
            throw new SkyToolsException(
                    ErrorKind.STATE,
                    "this database is not a node of queue \"" + queue + "\"; create it with create-root,"
                            + " create-branch or create-leaf first");
        }
        Map<String, Object> r = rows.get(0);
        return new LocalNode(
                queue,
                (String) r.get("node_type"),
                (String) r.get("node_name"),
                (String) r.get("provider_node"),
                (String) r.get("provider_location"),
                (String) r.get("worker_name"));
    }

    /** Whether this node is the root (it captures changes and never copies). */
    public boolean isRoot() {
        return "root".equals(type);
    }

    /** The location of another node of the queue, from {@code pgq_node.get_queue_locations}. */
    public static String location(Connection c, String queue, String node) throws SQLException {
        Object loc = SqlRows.value(
                c, "select node_location from pgq_node.get_queue_locations(?) where node_name = ?", queue, node);
        if (loc == null) {
            throw SkyToolsException.state("node \"" + node + "\" is not a member of queue \"" + queue + "\"");
        }
        return (String) loc;
    }
}
