package org.skytools.pgq.cascade;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What a tool adds to a new branch or leaf while it is created: called inside the local
 * transaction that creates the node, before its commit, with the provider's connection open in a
 * transaction of its own. A failure rolls the whole node creation back.
 */
@FunctionalInterface
public interface SubscriberInit {
    /** Nothing beyond the cascade's own node. */
    SubscriberInit NONE = (node, provider) -> {};

    void init(Connection node, Connection provider) throws SQLException;
}
