package org.skytools.pgq.cascade;

import java.util.Locale;
import org.skytools.common.error.SkyToolsException;

/** The role of a node in a cascade, as stored in {@code pgq_node.node_info.node_type}. */
public enum NodeType {
    /** Generates events and ticks. */
    ROOT,
    /** Carries a full copy of the queue (same event and tick ids) and can be a provider. */
    BRANCH,
    /** Only consumes; has no queue of its own. */
    LEAF;

    /** The name used in SQL: {@code root}, {@code branch}, {@code leaf}. */
    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type for an SQL name; null for null. */
    public static NodeType fromSql(String name) {
        if (name == null) {
            return null;
        }
        for (NodeType t : values()) {
            if (t.sqlName().equals(name)) {
                return t;
            }
        }
        throw SkyToolsException.state("unknown node type \"" + name + "\"");
    }

    /** Whether the node has a queue of its own (root and branch). */
    public boolean hasQueue() {
        return this != LEAF;
    }
}
