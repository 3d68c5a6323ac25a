package org.skytools.sql;

import java.sql.Connection;
import java.sql.Statement;
import org.skytools.testkit.DatabaseTemplate;

/** Test databases with pgq, pgq_coop and pgq_ext. */
public final class CoopExtTemplate implements DatabaseTemplate {
    @Override
    public void populate(Connection connection) throws Exception {
        new SchemaInstaller().apply(connection, SqlSchema.PGQ);
        IncludeResolver resolver = new IncludeResolver();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement st = connection.createStatement()) {
            st.execute(resolver.flatten("org/skytools/sql/pgq_coop/install.sql"));
            st.execute(resolver.flatten("org/skytools/sql/pgq_ext/install.sql"));
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
