package org.skytools.common.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;

/** ERROR and Caused by lines, masked, with the trace only when verbose. */
class ScriptErrorHandlerTest {

    private static String print(Throwable error, boolean verbose) {
        StringWriter text = new StringWriter();
        ScriptErrorHandler.print(error, new PrintWriter(text), verbose);
        return text.toString();
    }

    @Test
    void oneLinePerDistinctCause() {
        SQLException root = new SQLException("connection to db password=pw refused", "08001");
        Exception error = new SkyToolsException(
                ErrorKind.DB_CONNECT,
                "cannot connect to \"db\"",
                new RuntimeException("cannot connect to \"db\"", root));
        assertThat(print(error, false))
                .isEqualTo("ERROR: cannot connect to \"db\"\n" + "Caused by: connection to db password=*** refused\n");
    }

    @Test
    void traceOnlyWhenVerbose() {
        Exception error = new IllegalStateException("boom");
        assertThat(print(error, false)).doesNotContain("\tat ");
        assertThat(print(error, true))
                .contains("java.lang.IllegalStateException: boom")
                .contains("\tat ");
    }

    @Test
    void exitCodeComesFromTheKind() {
        ScriptErrorHandler handler = new ScriptErrorHandler();
        assertThat(handler.getExitCode(SkyToolsException.config("x"))).isEqualTo(3);
        assertThat(handler.getExitCode(new SQLException("x", "28P01"))).isEqualTo(4);
        assertThat(handler.getExitCode(new IllegalStateException())).isEqualTo(1);
    }
}
