package org.skytools.pgq.cascade;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What a tool built on the cascade renames in its own tables when {@code rename-node} renames a
 * node: called on each live member, in the transaction that switches that member to the new name.
 */
@FunctionalInterface
public interface NodeRenameHook {
    /** Nothing beyond the cascade's own tables. */
    NodeRenameHook NONE = (member, queue, oldName, newName) -> {};

    void renamed(Connection member, String queue, String oldName, String newName) throws SQLException;
}
