package org.skytools.pgq.testsupport;

import java.sql.Connection;
import org.skytools.testkit.DatabaseTemplate;

/** Test databases with the pgq schema installed. */
public final class PgqTemplate implements DatabaseTemplate {
    @Override
    public void populate(Connection c) throws Exception {
        SqlScript.run(c, "org/skytools/sql/pgq/install.sql");
    }
}
