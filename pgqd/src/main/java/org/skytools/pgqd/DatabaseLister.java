package org.skytools.pgqd;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.skytools.common.db.DbConnector;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;

/**
 * The databases to serve: {@code database_list} when set, otherwise every database of the
 * cluster that accepts connections and is not a template, read from {@code initial_database} on
 * a connection closed right after (a session left in {@code template1} would block CREATE
 * DATABASE).
 */
final class DatabaseLister {
    static final String LIST_SQL =
            "select datname from pg_catalog.pg_database" + " where datallowconn and not datistemplate order by datname";

    private DatabaseLister() {}

    /**
     * The database names.
     *
     * @throws SkyToolsException DB_CONNECT or DB_AUTH when initial_database cannot be reached,
     *     RUNTIME when the catalog query fails
     */
    static List<String> list(PgqdSettings settings, DbConnector connector) {
        if (settings.listed()) {
            return settings.databaseList();
        }
        try (Connection conn = connector.connect(settings.connstr(settings.initialDatabase()));
                Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(LIST_SQL)) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw new SkyToolsException(
                    ErrorKind.RUNTIME,
                    "cannot list databases in \"" + settings.initialDatabase() + "\": " + SqlFailures.describe(e),
                    e);
        }
    }
}
