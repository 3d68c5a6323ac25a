package org.skytools.walmgr.pg;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text of a {@code postgresql.conf}, edited the way SkyTools does it (W-1): an active setting is
 * replaced in place, a commented-out one gets the new setting on the line after it, anything else
 * is appended. Everything else in the file, comments included, stays as it was.
 */
public final class PgConfText {
    private String text;

    public PgConfText(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** The value of an active (uncommented) setting, unquoted. */
    public Optional<String> active(String param) {
        Matcher m = activePattern(param).matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(unquote(m.group(1)));
    }

    /** True when the file mentions the setting, active or commented out. */
    public boolean mentions(String param) {
        return activePattern(param).matcher(text).find()
                || disabledPattern(param).matcher(text).find();
    }

    /** Sets a parameter to a value, written as {@code param = 'value'}. */
    public void set(String param, String value) {
        String line = param + " = " + quote(value);
        Matcher m = activePattern(param).matcher(text);
        if (m.find()) {
            text = text.substring(0, m.start()) + line + text.substring(m.end());
            return;
        }
        m = disabledPattern(param).matcher(text);
        if (m.find()) {
            text = text.substring(0, m.end()) + "\n" + line + text.substring(m.end());
            return;
        }
        text = text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + line + "\n";
    }

    /** A value as a postgresql.conf string literal. */
    public static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    static String unquote(String raw) {
        String v = raw.trim();
        if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
            return v.substring(1, v.length() - 1).replace("''", "'").replace("\\'", "'");
        }
        return v;
    }

    // [ \t] rather than \s: \s would let ^ run over blank lines and the edit would swallow them
    private static Pattern activePattern(String param) {
        return Pattern.compile(
                "^[ \\t]*" + Pattern.quote(param) + "[ \\t]*=[ \\t]*('(?:[^'\\n]|'')*'|[^\\s#]*)[^\\n]*$",
                Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);
    }

    private static Pattern disabledPattern(String param) {
        return Pattern.compile(
                "^[ \\t]*#[ \\t]*" + Pattern.quote(param) + "[ \\t]*=[^\\n]*$",
                Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);
    }
}
