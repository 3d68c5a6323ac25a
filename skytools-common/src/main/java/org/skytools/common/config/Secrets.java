package org.skytools.common.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks passwords before text reaches a log line, an exception message or {@code --ini} output:
 * {@code password=...} in libpq connect strings (quoted values included), {@code password=} query
 * parameters and {@code user:pass@} in URIs, and whole values of keys that name a secret.
 */
public final class Secrets {
    /** What a masked password is replaced with. */
    public static final String MASK = "***";

    // libpq: a value is either single-quoted with backslash escapes, or runs to the next blank.
    private static final Pattern KEYWORD_VALUE =
            Pattern.compile("(?i)(?<![\\w?&])(password\\s*=\\s*)('(?:\\\\.|[^'\\\\])*'?|[^\\s']*)");
    // URI query parameter: ends at '&' or whitespace.
    private static final Pattern URI_PARAMETER = Pattern.compile("(?i)([?&]password=)[^&\\s]*");
    // URI userinfo: scheme://user:secret@host
    private static final Pattern URI_USERINFO = Pattern.compile("(://[^:/@\\s]*:)[^@\\s/]*(@)");

    private Secrets() {}

    /** The text with every password it contains replaced by {@link #MASK}; null stays null. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = replace(URI_PARAMETER, text, "$1" + MASK);
        result = replace(URI_USERINFO, result, "$1" + MASK + "$2");
        return replace(KEYWORD_VALUE, result, "$1" + MASK);
    }

    /**
     * The value of config key {@code key} as it may be shown: fully masked when the key itself
     * names a secret ({@code password}, {@code passwd}, {@code secret}), else {@link #mask}ed.
     */
    public static String maskValue(String key, String value) {
        if (value == null) {
            return null;
        }
        if (isSecretKey(key) && !value.isEmpty()) {
            return MASK;
        }
        return mask(value);
    }

    /** Whether a config key holds a secret by its name alone. */
    public static boolean isSecretKey(String key) {
        String k = key == null ? "" : key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("passwd") || k.contains("secret");
    }

    private static String replace(Pattern pattern, String text, String replacement) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.replaceAll(replacement) : text;
    }
}
