package org.skytools.qadmin.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits qadmin input into tokens the way PostgreSQL reads SQL: bare names fold to lower case,
 * {@code "quoted"} names keep case, {@code schema.name} is one token, strings use standard quoting
 * ({@code ''}), {@code E'...'} takes backslash escapes and {@code $tag$...$tag$} is literal.
 * Whitespace and {@code --} / {@code /* *}{@code /} comments are skipped. Never fails: text that
 * runs to the end (an open quote) gives a token with {@code terminated == false}.
 */
public final class Tokenizer {

    /** Tokenizes {@code src}. */
    public List<Token> tokenize(String src) {
        List<Token> tokens = new ArrayList<>();
        int pos = 0;
        int len = src.length();
        while (pos < len) {
            char c = src.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '-' && src.startsWith("--", pos)) {
                int nl = src.indexOf('\n', pos);
                pos = nl < 0 ? len : nl + 1;
            } else if (c == '/' && src.startsWith("/*", pos)) {
                pos = skipBlockComment(src, pos);
            } else if (c == '\'') {
                pos = string(src, pos, pos + 1, false, tokens);
            } else if ((c == 'E' || c == 'e') && pos + 1 < len && src.charAt(pos + 1) == '\'') {
                pos = string(src, pos, pos + 2, true, tokens);
            } else if (c == '$' && dollarTag(src, pos) != null) {
                pos = dollarString(src, pos, dollarTag(src, pos), tokens);
            } else if (c == '"' || isIdentStart(c)) {
                pos = ident(src, pos, tokens);
            } else if (isDigit(c) || (c == '.' && pos + 1 < len && isDigit(src.charAt(pos + 1)))) {
                pos = number(src, pos, tokens);
            } else if (c == '\\' && pos + 1 < len && Character.isLetter(src.charAt(pos + 1))) {
                int end = pos + 1;
                while (end < len && Character.isLetter(src.charAt(end))) {
                    end++;
                }
                String text = src.substring(pos, end);
                tokens.add(simple(TokenType.META, text, pos, end));
                pos = end;
            } else {
                String text = String.valueOf(c);
                tokens.add(simple(TokenType.SYMBOL, text, pos, pos + 1));
                pos++;
            }
        }
        return tokens;
    }

    private static Token simple(TokenType type, String text, int start, int end) {
        return new Token(type, text, start, end, text, List.of(), false, true);
    }

    private static int skipBlockComment(String src, int pos) {
        // PostgreSQL block comments nest
        int depth = 0;
        int i = pos;
        while (i < src.length()) {
            if (src.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (src.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return src.length();
    }

    private static int string(String src, int start, int bodyStart, boolean escapes, List<Token> out) {
        StringBuilder value = new StringBuilder();
        int i = bodyStart;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '\'') {
                if (i + 1 < src.length() && src.charAt(i + 1) == '\'') {
                    value.append('\'');
                    i += 2;
                    continue;
                }
                out.add(new Token(
                        TokenType.STRING,
                        src.substring(start, i + 1),
                        start,
                        i + 1,
                        value.toString(),
                        List.of(),
                        false,
                        true));
                return i + 1;
            }
            if (escapes && c == '\\' && i + 1 < src.length()) {
                value.append(unescape(src.charAt(i + 1)));
                i += 2;
                continue;
            }
            value.append(c);
            i++;
        }
        out.add(new Token(
                TokenType.STRING,
                src.substring(start),
                start,
                src.length(),
                value.toString(),
                List.of(),
                false,
                false));
        return src.length();
    }

    private static char unescape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'b' -> '\b';
            case 'f' -> '\f';
            default -> c;
        };
    }

    /** The {@code $tag$} opening a dollar-quoted string at {@code pos}, or null. */
    private static String dollarTag(String src, int pos) {
        int i = pos + 1;
        while (i < src.length() && (isIdentStart(src.charAt(i)) || (i > pos + 1 && isDigit(src.charAt(i))))) {
            i++;
        }
        if (i < src.length() && src.charAt(i) == '$') {
            return src.substring(pos, i + 1);
        }
        return null;
    }

    private static int dollarString(String src, int start, String tag, List<Token> out) {
        int bodyStart = start + tag.length();
        int close = src.indexOf(tag, bodyStart);
        if (close < 0) {
            out.add(new Token(
                    TokenType.STRING,
                    src.substring(start),
                    start,
                    src.length(),
                    src.substring(bodyStart),
                    List.of(),
                    false,
                    false));
            return src.length();
        }
        int end = close + tag.length();
        out.add(new Token(
                TokenType.STRING,
                src.substring(start, end),
                start,
                end,
                src.substring(bodyStart, close),
                List.of(),
                false,
                true));
        return end;
    }

    private static int ident(String src, int start, List<Token> out) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        boolean terminated = true;
        int i = start;
        while (true) {
            if (src.charAt(i) == '"') {
                quoted = true;
                StringBuilder part = new StringBuilder();
                i++;
                terminated = false;
                while (i < src.length()) {
                    char c = src.charAt(i);
                    if (c == '"') {
                        if (i + 1 < src.length() && src.charAt(i + 1) == '"') {
                            part.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        terminated = true;
                        break;
                    }
                    part.append(c);
                    i++;
                }
                parts.add(part.toString());
            } else {
                int partStart = i;
                while (i < src.length() && isIdentPart(src.charAt(i))) {
                    i++;
                }
                parts.add(src.substring(partStart, i).toLowerCase(Locale.ROOT));
            }
            boolean more = terminated
                    && i + 1 < src.length()
                    && src.charAt(i) == '.'
                    && (src.charAt(i + 1) == '"' || isIdentStart(src.charAt(i + 1)));
            if (!more) {
                break;
            }
            i++;
        }
        String text = src.substring(start, i);
        out.add(new Token(TokenType.IDENT, text, start, i, String.join(".", parts), parts, quoted, terminated));
        return i;
    }

    private static int number(String src, int start, List<Token> out) {
        int i = start;
        while (i < src.length() && isDigit(src.charAt(i))) {
            i++;
        }
        if (i + 1 < src.length() && src.charAt(i) == '.' && isDigit(src.charAt(i + 1))) {
            i++;
            while (i < src.length() && isDigit(src.charAt(i))) {
                i++;
            }
        }
        if (i + 1 < src.length() && (src.charAt(i) == 'e' || src.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < src.length() && (src.charAt(j) == '+' || src.charAt(j) == '-')) {
                j++;
            }
            if (j < src.length() && isDigit(src.charAt(j))) {
                i = j;
                while (i < src.length() && isDigit(src.charAt(i))) {
                    i++;
                }
            }
        }
        out.add(simple(TokenType.NUMBER, src.substring(start, i), start, i));
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    private static boolean isIdentPart(char c) {
        return isIdentStart(c) || isDigit(c) || c == '$';
    }
}
