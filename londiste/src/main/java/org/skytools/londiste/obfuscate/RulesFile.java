package org.skytools.londiste.obfuscate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.skytools.common.error.SkyToolsException;

/**
 * Reads an {@code obfuscator_map} file: the YAML block mappings the {@code obfuscate} handler's
 * rules are written in (table, then column, then an action or, for a JSON column, a mapping of
 * keys to rules), with comments, quoted keys and values, and {@code {}} or a one-line flow mapping
 * of scalars. Sequences, anchors, tags and multi-line scalars are refused with the file and line.
 */
final class RulesFile {
    private final Path file;
    private final List<Line> lines = new ArrayList<>();
    private int pos;

    private record Line(int number, int indent, String key, String value) {}

    private RulesFile(Path file) {
        this.file = file;
    }

    /** The file's top mapping: keys to a String (scalar) or a nested ordered Map; never null. */
    static Map<String, Object> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw SkyToolsException.config("cannot read obfuscator_map file " + file + ": " + e.getMessage());
        }
        return parse(file, text);
    }

    static Map<String, Object> parse(Path file, String text) {
        RulesFile r = new RulesFile(file);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] raw = text.split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            r.scan(i + 1, raw[i]);
        }
        if (r.lines.isEmpty()) {
            return new LinkedHashMap<>();
        }
        Map<String, Object> top = r.block(r.lines.get(0).indent());
        if (r.pos < r.lines.size()) {
            throw r.error(r.lines.get(r.pos).number(), "unexpected indentation");
        }
        return top;
    }

    private void scan(int number, String line) {
        String s = stripComment(line);
        if (s.isBlank() || (lines.isEmpty() && s.strip().equals("---"))) {
            return;
        }
        if (s.indexOf('\t') >= 0
                && s.substring(0, s.length() - s.stripLeading().length()).indexOf('\t') >= 0) {
            throw error(number, "tabs cannot indent YAML");
        }
        int indent = s.length() - s.stripLeading().length();
        String body = s.strip();
        if (body.startsWith("- ") || body.equals("-")) {
            throw error(number, "lists are not rules; write key: action");
        }
        int[] keyEnd = new int[1];
        String key = scalar(number, body, 0, keyEnd, true);
        int colon = keyEnd[0];
        if (colon >= body.length()
                || body.charAt(colon) != ':'
                || (colon + 1 < body.length() && body.charAt(colon + 1) != ' ')) {
            throw error(number, "expected \"key: value\" or \"key:\"");
        }
        String value = body.substring(colon + 1).strip();
        lines.add(new Line(number, indent, key, value.isEmpty() ? null : value));
    }

    // the mapping whose keys are at exactly this indentation
    private Map<String, Object> block(int indent) {
        Map<String, Object> map = new LinkedHashMap<>();
        while (pos < lines.size()) {
            Line l = lines.get(pos);
            if (l.indent() < indent) {
                break;
            }
            if (l.indent() > indent) {
                throw error(l.number(), "unexpected indentation");
            }
            pos++;
            if (l.value() == null) {
                if (pos < lines.size() && lines.get(pos).indent() > indent) {
                    map.put(l.key(), block(lines.get(pos).indent()));
                } else {
                    throw error(l.number(), "\"" + l.key() + "\" has no value");
                }
            } else {
                map.put(l.key(), value(l.number(), l.value()));
            }
        }
        return map;
    }

    private Object value(int number, String v) {
        if (v.isEmpty()) {
            throw error(number, "a key has no value");
        }
        char c = v.charAt(0);
        if (c == '{') {
            return flow(number, v);
        }
        if (c == '[' || c == '&' || c == '*' || c == '!' || c == '|' || c == '>') {
            throw error(number, "\"" + v + "\" is not a rule; write an action such as keep, skip, bool, hash");
        }
        int[] end = new int[1];
        String s = scalar(number, v, 0, end, false);
        if (end[0] != v.length()) {
            throw error(number, "unexpected text after " + v.substring(0, end[0]));
        }
        return s;
    }

    // {} or {key: scalar, key: scalar}
    private Map<String, Object> flow(int number, String v) {
        if (!v.endsWith("}")) {
            throw error(number, "a flow mapping must end on its line with }");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        String inner = v.substring(1, v.length() - 1).strip();
        if (inner.isEmpty()) {
            return map;
        }
        for (String part : inner.split(",")) {
            String p = part.strip();
            int colon = p.indexOf(':');
            if (colon <= 0 || p.indexOf('{') >= 0 || p.indexOf('[') >= 0) {
                throw error(number, "only flat flow mappings of key: action are read, not \"" + p + "\"");
            }
            int[] end = new int[1];
            String key = scalar(number, p.substring(0, colon).strip(), 0, end, true);
            map.put(key, value(number, p.substring(colon + 1).strip()));
        }
        return map;
    }

    // a plain or quoted scalar from index i; end[0] is set past it (a plain key stops at ": " or a final ':')
    private String scalar(int number, String s, int i, int[] end, boolean key) {
        if (i < s.length() && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
            char q = s.charAt(i);
            StringBuilder out = new StringBuilder();
            int j = i + 1;
            while (true) {
                if (j >= s.length()) {
                    throw error(number, "unterminated quoted string");
                }
                char c = s.charAt(j);
                if (c == q) {
                    if (q == '\'' && j + 1 < s.length() && s.charAt(j + 1) == '\'') {
                        out.append('\'');
                        j += 2;
                        continue;
                    }
                    break;
                }
                if (q == '"' && c == '\\' && j + 1 < s.length()) {
                    char e = s.charAt(++j);
                    if (e == 'u' && j + 4 < s.length()) {
                        try {
                            out.append((char) Integer.parseInt(s.substring(j + 1, j + 5), 16));
                        } catch (NumberFormatException bad) {
                            throw error(number, "bad \\u escape");
                        }
                        j += 4;
                    } else {
                        out.append(
                                switch (e) {
                                    case 'n' -> '\n';
                                    case 't' -> '\t';
                                    case 'r' -> '\r';
                                    case '0' -> '\0';
                                    default -> e;
                                });
                    }
                } else {
                    out.append(c);
                }
                j++;
            }
            end[0] = j + 1;
            return out.toString();
        }
        int j = i;
        if (key) {
            while (j < s.length() && !(s.charAt(j) == ':' && (j + 1 == s.length() || s.charAt(j + 1) == ' '))) {
                j++;
            }
        } else {
            j = s.length();
        }
        end[0] = j;
        String plain = s.substring(i, j).strip();
        if (plain.isEmpty()) {
            throw error(number, "empty key");
        }
        return plain;
    }

    // a '#' at the start or after a blank, outside quotes, starts a comment
    private static String stripComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' && (i == 0 || line.charAt(i - 1) == ' ' || line.charAt(i - 1) == '\t')) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private SkyToolsException error(int number, String what) {
        return SkyToolsException.config("obfuscator_map " + file + " line " + number + ": " + what);
    }
}
