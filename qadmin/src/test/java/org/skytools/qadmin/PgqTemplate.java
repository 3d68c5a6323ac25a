package org.skytools.qadmin;

import java.sql.Connection;
import org.skytools.sql.SchemaInstaller;
import org.skytools.sql.SqlSchema;
import org.skytools.testkit.DatabaseTemplate;

/** Test databases with every bundled PgQ schema, installed through the product's installer. */
public final class PgqTemplate implements DatabaseTemplate {
    @Override
    public void populate(Connection connection) {
        SchemaInstaller installer = new SchemaInstaller();
        for (SqlSchema schema : SqlSchema.values()) {
            installer.apply(connection, schema);
        }
    }
}
