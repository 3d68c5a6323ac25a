package org.skytools.common.cli;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Set;
import org.skytools.common.config.Secrets;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SqlErrors;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParseResult;

/**
 * The one execution-exception handler of every tool: prints {@code ERROR: <message>} and one
 * {@code Caused by: <message>} line per distinct cause, the stack trace only with {@code -v}, and
 * returns the exit code of the error's {@link ErrorKind}. Usage help is not printed here; picocli
 * prints it for parameter errors only.
 */
public final class ScriptErrorHandler implements IExecutionExceptionHandler, IExitCodeExceptionMapper {

    @Override
    public int handleExecutionException(Exception error, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        print(error, err, verbosity(parseResult) > 0);
        err.flush();
        return getExitCode(error);
    }

    @Override
    public int getExitCode(Throwable error) {
        if (error instanceof CommandLine.ParameterException) {
            return ErrorKind.USAGE.exitCode();
        }
        return SqlErrors.kindOf(error).exitCode();
    }

    /** Writes the ERROR and Caused by lines, then the trace if {@code verbose}; passwords masked. */
    static void print(Throwable error, PrintWriter err, boolean verbose) {
        String message = Secrets.mask(SqlErrors.userMessage(error));
        err.println("ERROR: " + message);
        Set<String> seen = new HashSet<>();
        seen.add(message);
        for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            String text =
                    Secrets.mask(cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage());
            if (seen.add(text)) {
                err.println("Caused by: " + text);
            }
        }
        if (verbose) {
            error.printStackTrace(err);
        }
    }

    private static int verbosity(ParseResult parseResult) {
        return ScriptCommandLine.options(parseResult).stream()
                .mapToInt(ScriptOptions::verbosity)
                .max()
                .orElse(0);
    }
}
