package org.skytools.common.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.skytools.common.error.SkyToolsException;

/**
 * Reads INI text the way SkyTools 3 read it through Python's {@code ConfigParser}.
 *
 * <ul>
 *   <li>{@code [name]} starts a section (names are case-sensitive); {@code [DEFAULT]} holds values
 *       seen by every section; a repeated section continues the earlier one.
 *   <li>{@code key = value} or {@code key: value}; the first {@code =} or {@code :} separates, so
 *       connect strings keep their own {@code =}; keys are lower-cased; the last value of a key wins.
 *   <li>Lines whose first non-blank character is {@code #} or {@code ;} are comments. A {@code ;}
 *       preceded by a blank cuts an inline comment, but only the first {@code ;} of the value is
 *       checked (Python 2 did exactly this).
 *   <li>An indented line continues the previous value, joined with a newline; blank lines
 *       between do not end the value.
 *   <li>No backslash escapes: Windows paths and regular expressions pass unchanged; a value of
 *       exactly {@code ""} means the empty string.
 * </ul>
 *
 * <p>Unlike Python 2, an indented {@code #} line is a comment rather than part of a value (as in
 * Python 3), and a line reading {@code rem ...} is an ordinary line.
 */
final class IniParser {
    static final String DEFAULT_SECTION = "DEFAULT";

    private final String fileName;

    /** @param fileName the file name used in error messages */
    IniParser(String fileName) {
        this.fileName = fileName;
    }

    IniDocument parse(String text) {
        Map<String, String> defaults = new LinkedHashMap<>();
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        String currentKey = null;

        String[] lines = stripBom(text).split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.charAt(0) == '#' || trimmed.charAt(0) == ';') {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) && currentKey != null) {
                current.put(currentKey, current.get(currentKey) + "\n" + trimmed);
                continue;
            }
            if (trimmed.charAt(0) == '[') {
                int end = trimmed.indexOf(']');
                if (end < 2) {
                    throw error(i, "malformed section header " + quote(trimmed));
                }
                String name = trimmed.substring(1, end);
                current = name.equals(DEFAULT_SECTION)
                        ? defaults
                        : sections.computeIfAbsent(name, n -> new LinkedHashMap<>());
                currentKey = null;
                continue;
            }
            int sep = separator(trimmed);
            if (sep <= 0) {
                throw error(i, "line is not a [section], a key = value pair or a comment: " + quote(trimmed));
            }
            if (current == null) {
                throw error(i, "key " + quote(trimmed.substring(0, sep).strip()) + " comes before any [section]");
            }
            currentKey = trimmed.substring(0, sep).strip().toLowerCase(Locale.ROOT);
            current.put(currentKey, value(trimmed.substring(sep + 1)));
        }
        return new IniDocument(defaults, sections);
    }

    private static int separator(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '=' || c == ':') {
                return i;
            }
        }
        return -1;
    }

    private static String value(String raw) {
        int semicolon = raw.indexOf(';');
        if (semicolon > 0 && Character.isWhitespace(raw.charAt(semicolon - 1))) {
            raw = raw.substring(0, semicolon);
        }
        String value = raw.strip();
        return value.equals("\"\"") ? "" : value;
    }

    private static String stripBom(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    private SkyToolsException error(int lineIndex, String problem) {
        return SkyToolsException.config(fileName + ":" + (lineIndex + 1) + ": " + problem);
    }

    private static String quote(String s) {
        return "\"" + Secrets.mask(s) + "\"";
    }
}
