package org.skytools.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

/** SQLState classification used by daemon loops and the exit-code mapper. */
class SqlErrorsTest {

    @ParameterizedTest
    @CsvSource({
        "08006,RETRIABLE", "08001,RETRIABLE", "57P01,RETRIABLE", "57P02,RETRIABLE", "57P03,RETRIABLE",
        "40001,RETRIABLE", "40P01,RETRIABLE", "28P01,PERMANENT", "28000,PERMANENT", "3D000,PERMANENT",
        "P0001,DOMAIN", "42P01,OTHER", "23505,OTHER"
    })
    void categorizesBySqlState(String state, SqlErrors.Category expected) {
        assertThat(SqlErrors.categorize(state)).isEqualTo(expected);
        assertThat(SqlErrors.categorize(new RuntimeException("wrapped", new SQLException("m", state))))
                .isEqualTo(expected);
    }

    @Test
    void noSqlExceptionIsOther() {
        assertThat(SqlErrors.categorize(new IllegalStateException("x"))).isEqualTo(SqlErrors.Category.OTHER);
        assertThat(SqlErrors.sqlState(new IllegalStateException("x"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"28P01,DB_AUTH", "3D000,DB_AUTH", "08001,DB_CONNECT", "57P03,DB_CONNECT", "42P01,RUNTIME"})
    void kindOfDecidesExitCode(String state, ErrorKind kind) {
        assertThat(SqlErrors.kindOf(new SQLException("m", state))).isEqualTo(kind);
    }

    @Test
    void kindOfPrefersSkyToolsExceptionKind() {
        Exception e = new RuntimeException(new SkyToolsException(ErrorKind.SCHEMA_MISSING, "no pgq"));
        assertThat(SqlErrors.kindOf(e)).isEqualTo(ErrorKind.SCHEMA_MISSING);
    }

    @Test
    void raiseExceptionMessageIsShownAsIs() {
        ServerErrorMessage server =
                new ServerErrorMessage("SERROR\0CP0001\0MNot subscriber to queue: q\0WPL/pgSQL function\0");
        PSQLException e = new PSQLException(server);
        assertThat(e.getSQLState()).isEqualTo("P0001");
        assertThat(SqlErrors.userMessage(e)).isEqualTo("Not subscriber to queue: q");
        PSQLException other = new PSQLException("connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT);
        assertThat(SqlErrors.userMessage(other)).isEqualTo("connection refused");
    }

    @Test
    void serverSeverityIsNotRepeatedInFrontOfOtherServerErrors() {
        ServerErrorMessage server =
                new ServerErrorMessage("SERROR\0C42P01\0Mrelation \"history_id_seq\" does not exist\0");
        assertThat(SqlErrors.userMessage(new PSQLException(server)))
                .isEqualTo("relation \"history_id_seq\" does not exist");
    }
}
