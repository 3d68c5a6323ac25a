package org.skytools.qadmin.exec;

import java.sql.SQLException;
import java.util.List;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SqlErrors;
import org.skytools.qadmin.lang.Statement;
import org.skytools.qadmin.lang.StatementParser;
import org.skytools.qadmin.lang.SyntaxError;

/**
 * Parses a piece of input completely, then runs its statements in order and stops at the first
 * failure. A syntax error anywhere means nothing of that input runs.
 */
public final class StatementRunner {
    /** How a run ended. */
    public enum Outcome {
        /** Every statement ran. */
        DONE,
        /** An {@code exit} statement ran. */
        EXIT,
        /** A statement failed; see {@link #lastExitCode()}. */
        FAILED
    }

    private final StatementParser parser;
    private final Dispatcher dispatcher;
    private final Output out;
    private int lastExitCode;

    public StatementRunner(StatementParser parser, Dispatcher dispatcher, Output out) {
        this.parser = parser;
        this.dispatcher = dispatcher;
        this.out = out;
    }

    /**
     * Runs {@code source}.
     *
     * @param script true for {@code -c}/{@code -f} text, where the end closes the last statement
     */
    public Outcome run(String source, boolean script) {
        List<Statement> statements;
        try {
            statements = script ? parser.parseScript(source) : parser.parseInteractive(source);
        } catch (SyntaxError e) {
            return fail(e, source, -1);
        }
        for (Statement statement : statements) {
            int sqlOffset = statement instanceof Statement.Sql sql ? sql.offset() : -1;
            try {
                if (!dispatcher.execute(statement)) {
                    out.flush();
                    return Outcome.EXIT;
                }
            } catch (SQLException | RuntimeException e) {
                return fail(e, source, sqlOffset);
            } finally {
                out.flush();
            }
        }
        return Outcome.DONE;
    }

    private Outcome fail(Exception e, String source, int sqlOffset) {
        out.error(e, source, sqlOffset);
        ErrorKind kind = SqlErrors.kindOf(e);
        lastExitCode = kind.exitCode();
        return Outcome.FAILED;
    }

    /** The exit code of the last failure. */
    public int lastExitCode() {
        return lastExitCode;
    }
}
