package org.skytools.londiste.replay;

import java.sql.Connection;
import org.skytools.sql.SchemaInstaller;
import org.skytools.sql.SqlSchema;
import org.skytools.testkit.DatabaseTemplate;

/** Test databases with pgq, pgq_node and londiste installed. */
public final class LondisteTemplate implements DatabaseTemplate {
    @Override
    public void populate(Connection c) {
        new SchemaInstaller().applyWithRequirements(c, SqlSchema.LONDISTE);
    }
}
