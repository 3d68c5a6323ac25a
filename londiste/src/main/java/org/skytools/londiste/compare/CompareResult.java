package org.skytools.londiste.compare;

/**
 * The outcome of comparing one table.
 *
 * @param table the table (queue name)
 * @param source the provider's result line, or null when skipped
 * @param target the local result line, or null when skipped
 * @param skipReason why the table was not compared, or null
 */
public record CompareResult(String table, String source, String target, String skipReason) {

    /** Whether both sides were compared and gave the same line. */
    public boolean matches() {
        return skipReason == null && source.equals(target);
    }

    /** Whether both sides were compared. */
    public boolean compared() {
        return skipReason == null;
    }
}
