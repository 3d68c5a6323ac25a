package org.skytools.common.error;

import java.sql.SQLException;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Classifies database failures by SQLState, never by message text, so that daemon loops know
 * whether to retry, and commands know which exit code to use.
 */
public final class SqlErrors {

    /** How a daemon loop treats a database failure. */
    public enum Category {
        /** Connection lost, server shutting down, serialization failure, deadlock: retry. */
        RETRIABLE,
        /** Authentication failed or the database does not exist: stop. */
        PERMANENT,
        /** {@code raise exception} from a PgQ or londiste function: show the message as is. */
        DOMAIN,
        /** Any other SQL error; retried after {@code exception_sleep}, as SkyTools did. */
        OTHER
    }

    /** SQLState of {@code raise exception} without an explicit code. */
    public static final String RAISE_EXCEPTION = "P0001";

    private SqlErrors() {}

    /** The SQLState of the first {@link SQLException} in the cause chain of {@code error}. */
    public static Optional<String> sqlState(Throwable error) {
        return firstSqlException(error).map(SQLException::getSQLState);
    }

    /** The category of a SQLState ({@code null} gives {@link Category#OTHER}). */
    public static Category categorize(String sqlState) {
        if (sqlState == null) {
            return Category.OTHER;
        }
        if (sqlState.startsWith("08")
                || sqlState.equals("57P01")
                || sqlState.equals("57P02")
                || sqlState.equals("57P03")
                || sqlState.equals("40001")
                || sqlState.equals("40P01")) {
            return Category.RETRIABLE;
        }
        if (sqlState.startsWith("28") || sqlState.equals("3D000")) {
            return Category.PERMANENT;
        }
        if (sqlState.equals(RAISE_EXCEPTION)) {
            return Category.DOMAIN;
        }
        return Category.OTHER;
    }

    /** The category of the first SQL failure in the cause chain; {@code OTHER} if there is none. */
    public static Category categorize(Throwable error) {
        return categorize(sqlState(error).orElse(null));
    }

    /**
     * The error kind that decides the exit code: the kind of a {@link SkyToolsException}, {@code
     * DB_CONNECT} for connection failures, {@code DB_AUTH} for refused logins, else {@code RUNTIME}.
     */
    public static ErrorKind kindOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SkyToolsException ste) {
                return ste.kind();
            }
        }
        String state = sqlState(error).orElse("");
        if (state.startsWith("28") || state.equals("3D000")) {
            return ErrorKind.DB_AUTH;
        }
        if (state.startsWith("08") || state.equals("57P03")) {
            return ErrorKind.DB_CONNECT;
        }
        return ErrorKind.RUNTIME;
    }

    /**
     * The text to show a person: for a {@code raise exception} the server's message alone (PgQ
     * functions word them for users), otherwise the exception message.
     */
    public static String userMessage(Throwable error) {
        Optional<SQLException> sql = firstSqlException(error);
        if (sql.isPresent()
                && RAISE_EXCEPTION.equals(sql.get().getSQLState())
                && sql.get() instanceof PSQLException psql) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            if (server != null && server.getMessage() != null) {
                return server.getMessage();
            }
        }
        String text = String.valueOf(error.getMessage());
        // the server's severity would double the ERROR: the tools print in front
        if (error instanceof PSQLException && (text.startsWith("ERROR: ") || text.startsWith("FATAL: "))) {
            return text.substring(7);
        }
        return text;
    }

    private static Optional<SQLException> firstSqlException(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
