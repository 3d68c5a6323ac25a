package org.skytools.sql;

import java.sql.Connection;
import org.skytools.testkit.DatabaseTemplate;

/** Test databases with the pgq schema, installed through {@link SchemaInstaller}. */
public final class PgqTemplate implements DatabaseTemplate {
    @Override
    public void populate(Connection connection) {
        new SchemaInstaller().apply(connection, SqlSchema.PGQ);
    }
}
