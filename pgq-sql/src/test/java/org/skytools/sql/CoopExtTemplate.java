package org.skytools.sql;

import java.sql.Connection;
import org.skytools.testkit.DatabaseTemplate;

/** Test databases with pgq, pgq_coop and pgq_ext. */
public final class CoopExtTemplate implements DatabaseTemplate {
    @Override
    public void populate(Connection connection) {
        SchemaInstaller installer = new SchemaInstaller();
        installer.apply(connection, SqlSchema.PGQ);
        installer.apply(connection, SqlSchema.PGQ_COOP);
        installer.apply(connection, SqlSchema.PGQ_EXT);
    }
}
