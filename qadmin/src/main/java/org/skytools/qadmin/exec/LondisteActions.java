package org.skytools.qadmin.exec;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.skytools.common.error.SkyToolsException;
import org.skytools.qadmin.lang.Statement;

/**
 * The {@code londiste} commands on the default queue, over the londiste.local_* functions. Each
 * function answers a code and a note, printed as they are; a code of 400 or more stops a script.
 */
final class LondisteActions {
    private final Session session;
    private final Output out;

    LondisteActions(Session session, Output out) {
        this.session = session;
        this.out = out;
    }

    void addTable(Statement.LondisteAddTable statement) throws SQLException {
        String queue = prepare();
        Connection c = session.connection();
        Array args = c.createArrayOf("text", statement.args().toArray());
        for (String table : statement.tables()) {
            report(Db.call(
                    c,
                    "select ret_code, ret_note from londiste.local_add_table(?::text, ?::text, ?::text[])",
                    queue,
                    table,
                    args));
        }
        out.line("ADD_TABLE");
    }

    void addSequence(Statement.LondisteAddSequence statement) throws SQLException {
        each(statement.sequences(), "londiste.local_add_seq");
        out.line("ADD_SEQ");
    }

    void removeTable(Statement.LondisteRemoveTable statement) throws SQLException {
        each(statement.tables(), "londiste.local_remove_table");
        out.line("REMOVE_TABLE");
    }

    void removeSequence(Statement.LondisteRemoveSequence statement) throws SQLException {
        each(statement.sequences(), "londiste.local_remove_seq");
        out.line("REMOVE_SEQ");
    }

    void list(Statement.LondisteList statement) throws SQLException {
        String queue = prepare();
        String sql;
        String title;
        switch (statement.listing()) {
            case TABLES -> {
                sql = "select * from londiste.get_table_list(?::text) where local";
                title = "Local tables on queue \"" + queue + "\":";
            }
            case SEQS -> {
                sql = "select * from londiste.get_seq_list(?::text) where local";
                title = "Sequences on queue \"" + queue + "\":";
            }
            default -> {
                sql = "select * from londiste.local_show_missing(?::text)";
                title = "Missing objects on queue \"" + queue + "\":";
            }
        }
        out.table(title, Db.table(session.connection(), sql, queue));
    }

    private void each(List<String> names, String function) throws SQLException {
        String queue = prepare();
        for (String name : names) {
            // function is one of the fixed names above, never user input
            report(Db.call(
                    session.connection(),
                    "select ret_code, ret_note from " + function + "(?::text, ?::text)",
                    queue,
                    name));
        }
    }

    private String prepare() throws SQLException {
        String queue = session.defaultQueue();
        session.requireSchema("londiste", "install londiste;");
        return queue;
    }

    private void report(List<String> row) {
        String code = row.isEmpty() ? "" : row.get(0);
        String note = row.size() > 1 ? row.get(1) : "";
        out.line(code + " " + note);
        if (!code.isEmpty() && Integer.parseInt(code) >= 400) {
            throw SkyToolsException.state(note);
        }
    }
}
