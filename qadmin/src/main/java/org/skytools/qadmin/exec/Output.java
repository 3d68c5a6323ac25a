package org.skytools.qadmin.exec;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.List;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLWarning;
import org.postgresql.util.ServerErrorMessage;
import org.skytools.common.config.Secrets;
import org.skytools.common.error.SqlErrors;
import org.skytools.qadmin.lang.CaretLines;
import org.skytools.qadmin.lang.SyntaxError;

/**
 * Where qadmin writes: results and status lines to {@code out}; errors, warnings and server
 * notices to {@code err}, as psql does. Error lines start with {@code ERROR: }.
 */
public final class Output {
    private final PrintWriter out;
    private final PrintWriter err;

    public Output(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** One line of normal output. */
    public void line(String text) {
        out.println(text);
    }

    /** A title line, then the table, then an empty line. */
    public void table(String title, ResultTable table) {
        if (title != null) {
            out.println(title);
        }
        for (String line : table.render()) {
            out.println(line);
        }
        out.println();
    }

    /** A {@code WARNING: } line on the error stream. */
    public void warning(String text) {
        err.println("WARNING: " + text);
    }

    /** Server notices raised by a statement ({@code NOTICE: ...}). */
    public void notices(SQLWarning first) {
        for (SQLWarning w = first; w != null; w = w.getNextWarning()) {
            String severity = "NOTICE";
            String text = w.getMessage();
            if (w instanceof PSQLWarning pw && pw.getServerErrorMessage() != null) {
                ServerErrorMessage m = pw.getServerErrorMessage();
                severity = m.getSeverity() == null ? severity : m.getSeverity();
                text = m.getMessage();
            }
            err.println(severity + ": " + text);
        }
    }

    /**
     * Reports a failure: {@code ERROR: } with the message, the server's DETAIL and HINT, and a
     * caret under the word when the position in {@code source} is known.
     *
     * @param source the text that was run, or null
     * @param sqlOffset where the failing SQL statement starts in {@code source}, or -1
     */
    public void error(Throwable error, String source, int sqlOffset) {
        if (error instanceof SyntaxError syntax) {
            err.println("ERROR: " + syntax.getMessage());
            caret(source, syntax.position());
        } else if (error instanceof PSQLException pe && pe.getServerErrorMessage() != null) {
            ServerErrorMessage m = pe.getServerErrorMessage();
            err.println("ERROR: " + m.getMessage());
            if (m.getPosition() > 0 && sqlOffset >= 0) {
                caret(source, sqlOffset + m.getPosition() - 1);
            }
            if (m.getDetail() != null) {
                err.println("DETAIL: " + m.getDetail());
            }
            if (m.getHint() != null) {
                err.println("HINT: " + m.getHint());
            }
        } else if (error instanceof SQLException) {
            err.println("ERROR: " + Secrets.mask(String.valueOf(error.getMessage())));
        } else {
            err.println("ERROR: " + Secrets.mask(SqlErrors.userMessage(error)));
        }
        err.flush();
    }

    private void caret(String source, int position) {
        if (source == null) {
            return;
        }
        List<String> lines = CaretLines.render(source, position);
        lines.forEach(err::println);
    }

    public void flush() {
        out.flush();
        err.flush();
    }
}
