package org.skytools.pgq.testsupport;

import java.sql.Connection;
import org.skytools.sql.SchemaInstaller;
import org.skytools.sql.SqlSchema;
import org.skytools.testkit.DatabaseTemplate;

/** Test databases with pgq installed by the schema installer, plus pgq_coop and pgq_ext. */
public final class PgqTemplate implements DatabaseTemplate {
    @Override
    public void populate(Connection c) throws Exception {
        new SchemaInstaller().apply(c, SqlSchema.PGQ);
        // not yet known to the installer: run their install scripts directly
        SqlScript.run(c, "org/skytools/sql/pgq_coop/install.sql");
        SqlScript.run(c, "org/skytools/sql/pgq_ext/install.sql");
    }
}
