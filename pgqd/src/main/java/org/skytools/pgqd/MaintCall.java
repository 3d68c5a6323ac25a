package org.skytools.pgqd;

import java.util.Locale;
import java.util.Optional;
import org.skytools.common.db.Quoting;
import org.skytools.pgq.MaintOperation;

/**
 * One maintenance call: a row of {@code pgq.maint_operations()} (a function to call with an
 * optional text argument, or a {@code vacuum}/{@code vacuum analyze} pseudo-function whose
 * argument is a table to run the statement on) or a step of the fixed round of older schemas.
 *
 * @param funcName function name, possibly schema-qualified, or {@code vacuum}/{@code vacuum analyze}
 * @param funcArg the argument (queue name, table name), or null
 */
record MaintCall(String funcName, String funcArg) {

    /** The call for a row of {@code pgq.maint_operations()}. */
    static MaintCall of(MaintOperation op) {
        return new MaintCall(op.funcName(), op.funcArg());
    }

    /** Whether this is a statement ({@code vacuum <table>}) rather than a function call. */
    boolean isStatement() {
        String name = funcName.strip().toLowerCase(Locale.ROOT);
        return name.equals("vacuum") || name.equals("vacuum analyze");
    }

    /**
     * The SQL to run: {@code vacuum <table>} or {@code select <func>()} / {@code select <func>(?)},
     * the one parameter bound to {@link #funcArg}. Names are quoted, so a name from the database
     * cannot inject SQL; without a dot a function name is resolved through the search path, as
     * the C pgqd did.
     */
    String sql() {
        if (isStatement()) {
            return funcName.strip().toLowerCase(Locale.ROOT) + " " + quoteName(funcArg);
        }
        return "select " + quoteName(funcName) + (funcArg == null ? "()" : "(?)");
    }

    /** Whether the statement takes {@link #funcArg} as its one parameter. */
    boolean hasParameter() {
        return !isStatement() && funcArg != null;
    }

    /** The problem that keeps this operation from running, if any: a vacuum without a table. */
    Optional<String> problem() {
        if (funcName.isBlank()) {
            return Optional.of("empty function name");
        }
        if (isStatement() && (funcArg == null || funcArg.isBlank())) {
            return Optional.of("\"" + funcName + "\" without a table name");
        }
        return Optional.empty();
    }

    /** How the operation appears in logs: {@code pgq.maint_rotate_tables_step1(events)}. */
    String describe() {
        return isStatement() ? funcName + " " + funcArg : funcName + "(" + (funcArg == null ? "" : funcArg) + ")";
    }

    /**
     * Whether a result value asks for the operation to run again: a non-zero number, as the C
     * pgqd's {@code atoi(value) != 0}.
     */
    static boolean repeatRequested(String firstColumn) {
        if (firstColumn == null) {
            return false;
        }
        String text = firstColumn.strip();
        int end = 0;
        if (end < text.length() && (text.charAt(end) == '-' || text.charAt(end) == '+')) {
            end++;
        }
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        String digits = text.substring(0, end).replaceFirst("^[-+]", "");
        return !digits.isEmpty() && !digits.chars().allMatch(c -> c == '0');
    }

    private static String quoteName(String name) {
        String trimmed = name.strip();
        return trimmed.indexOf('.') >= 0 ? Quoting.quoteFqIdent(trimmed) : Quoting.quoteIdent(trimmed);
    }
}
