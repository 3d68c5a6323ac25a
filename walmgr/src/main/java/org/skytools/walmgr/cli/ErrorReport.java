package org.skytools.walmgr.cli;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;
import org.skytools.common.config.Secrets;
import org.skytools.common.error.SqlErrors;

/**
 * Error output of the per-segment commands, which run without picocli: the same {@code ERROR:}
 * and {@code Caused by:} lines and exit codes as the script framework's error handler.
 */
final class ErrorReport {
    private ErrorReport() {}

    static int report(Throwable e, PrintStream err) {
        String message = Secrets.mask(SqlErrors.userMessage(e));
        err.println("ERROR: " + message);
        Set<String> seen = new HashSet<>(Set.of(message));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            String text = Secrets.mask(c.getMessage() == null ? c.getClass().getName() : c.getMessage());
            if (seen.add(text)) {
                err.println("Caused by: " + text);
            }
        }
        return SqlErrors.kindOf(e).exitCode();
    }
}
