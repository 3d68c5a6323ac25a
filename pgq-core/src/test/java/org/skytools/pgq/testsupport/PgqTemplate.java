package org.skytools.pgq.testsupport;

import java.sql.Connection;
import org.skytools.sql.SchemaInstaller;
import org.skytools.sql.SqlSchema;
import org.skytools.testkit.DatabaseTemplate;

/** Test databases with pgq, pgq_coop and pgq_ext, installed by the schema installer. */
public final class PgqTemplate implements DatabaseTemplate {
    @Override
    public void populate(Connection c) {
        SchemaInstaller installer = new SchemaInstaller();
        installer.apply(c, SqlSchema.PGQ);
        installer.apply(c, SqlSchema.PGQ_COOP);
        installer.apply(c, SqlSchema.PGQ_EXT);
    }
}
