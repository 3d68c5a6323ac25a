package org.skytools.sql;

import java.sql.Connection;
import org.skytools.testkit.DatabaseTemplate;

/** Test databases with pgq, pgq_node and londiste, installed through {@link SchemaInstaller}. */
public final class NodeTemplate implements DatabaseTemplate {
    @Override
    public void populate(Connection connection) {
        new SchemaInstaller().applyWithRequirements(connection, SqlSchema.LONDISTE);
    }
}
