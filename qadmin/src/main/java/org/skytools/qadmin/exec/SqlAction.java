package org.skytools.qadmin.exec;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.skytools.qadmin.lang.Statement.Sql;

/** Plain SQL: sent as written; rows are printed as a table, anything else as its command tag. */
final class SqlAction {
    private final Session session;
    private final Output out;

    SqlAction(Session session, Output out) {
        this.session = session;
        this.out = out;
    }

    void run(Sql statement) throws SQLException {
        try (Statement st = session.connection().createStatement()) {
            // the text is the user's SQL; braces in it are not JDBC escapes
            st.setEscapeProcessing(false);
            boolean rows = st.execute(statement.sql());
            out.notices(st.getWarnings());
            if (rows) {
                try (ResultSet rs = st.getResultSet()) {
                    out.table(null, ResultTable.of(rs));
                }
            } else {
                out.line(CommandTag.of(statement.sql(), st.getLargeUpdateCount()));
            }
        }
    }
}
