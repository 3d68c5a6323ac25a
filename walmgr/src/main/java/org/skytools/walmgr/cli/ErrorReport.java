package org.skytools.walmgr.cli;

import java.io.PrintStream;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;

/**
 * Turns a failure into what the user sees and the exit code: {@code ERROR: message}, one {@code
 * Caused by:} line per cause, the stack trace only when verbose. The code comes from the error
 * kind; anything else is a runtime failure (1).
 */
public final class ErrorReport {
    private ErrorReport() {}

    public static int report(Throwable e, PrintStream err, boolean verbose) {
        err.println("ERROR: " + message(e));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !message(e).contains(c.getMessage())) {
                err.println("Caused by: " + c.getMessage());
            }
        }
        if (verbose) {
            e.printStackTrace(err);
        }
        return exitCode(e);
    }

    public static int exitCode(Throwable e) {
        return e instanceof SkyToolsException s ? s.kind().exitCode() : ErrorKind.RUNTIME.exitCode();
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
