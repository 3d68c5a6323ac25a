package org.skytools.dispatch;

import java.sql.Connection;
import org.skytools.sql.SchemaInstaller;
import org.skytools.sql.SqlSchema;
import org.skytools.testkit.DatabaseTemplate;

/** Test databases with pgq installed. */
public final class PgqTemplate implements DatabaseTemplate {
    @Override
    public void populate(Connection c) {
        new SchemaInstaller().apply(c, SqlSchema.PGQ);
    }
}
