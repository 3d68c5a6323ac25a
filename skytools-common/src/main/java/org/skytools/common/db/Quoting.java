package org.skytools.common.db;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The one quoting helper of the product. Every SQL identifier and literal built in Java goes
 * through here, and so do the text encodings SkyTools puts on the wire: COPY text format, the
 * urlencoded rows of {@code pgq.logutriga} and JSON strings. Each method mirrors the PostgreSQL
 * or SkyTools function named in its documentation byte for byte.
 */
public final class Quoting {
    private Quoting() {}

    /**
     * Quotes an identifier exactly as PostgreSQL's {@code quote_ident} does: left bare when it is
     * lower-case ASCII letters, digits and underscores, starts with a letter or underscore and is
     * not a keyword that needs quoting; otherwise wrapped in double quotes with quotes doubled.
     */
    public static String quoteIdent(String ident) {
        Objects.requireNonNull(ident, "identifier");
        if (isSafeIdent(ident)) {
            return ident;
        }
        StringBuilder sb = new StringBuilder(ident.length() + 2).append('"');
        for (int i = 0; i < ident.length(); i++) {
            char c = ident.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    private static boolean isSafeIdent(String ident) {
        if (ident.isEmpty()) {
            return false;
        }
        char first = ident.charAt(0);
        if (!((first >= 'a' && first <= 'z') || first == '_')) {
            return false;
        }
        for (int i = 1; i < ident.length(); i++) {
            char c = ident.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
                return false;
            }
        }
        return !SqlKeywords.needsQuoting(ident);
    }

    /** Quotes each identifier and joins them with {@code ", "}, for column lists. */
    public static String quoteIdentList(Collection<String> idents) {
        return idents.stream().map(Quoting::quoteIdent).collect(Collectors.joining(", "));
    }

    /**
     * Quotes a {@code schema.name} string as {@code pgq.quote_fqname} does: the first dot splits,
     * no dot means {@code public}, and each part goes through {@link #quoteIdent}.
     */
    public static String quoteFqName(String fqName) {
        return FqName.parse(fqName).quoted();
    }

    /** The same as {@link #quoteFqName}, under the name of SkyTools' Python {@code quote_fqident}. */
    public static String quoteFqIdent(String fqName) {
        return quoteFqName(fqName);
    }

    /** Splits {@code schema.name} at the first dot; no dot means {@code public}. */
    public static FqName splitFqName(String fqName) {
        return FqName.parse(fqName);
    }

    /**
     * Quotes a string literal exactly as PostgreSQL's {@code quote_literal} does: single quotes
     * doubled, and when the value holds a backslash, an {@code E'...'} literal with backslashes
     * doubled.
     */
    public static String quoteLiteral(String value) {
        Objects.requireNonNull(value, "literal");
        boolean hasBackslash = value.indexOf('\\') >= 0;
        StringBuilder sb = new StringBuilder(value.length() + 3);
        if (hasBackslash) {
            sb.append('E');
        }
        sb.append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'' || c == '\\') {
                sb.append(c);
            }
            sb.append(c);
        }
        return sb.append('\'').toString();
    }

    /** Like {@link #quoteLiteral} but returns the bare word {@code null} for a null value ({@code quote_nullable}). */
    public static String quoteLiteralOrNull(String value) {
        return value == null ? "null" : quoteLiteral(value);
    }

    /**
     * Quotes a string as a JSON string (RFC 8259) with the escapes PostgreSQL's {@code
     * to_json(text)} uses: {@code \b \f \n \r \t \" \\}, other control characters as lower-case
     * {@code \}{@code u00xx}, everything else as is. A null value gives {@code null}.
     */
    public static String quoteJson(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < ' ') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /**
     * Escapes one value for COPY text format as PostgreSQL's COPY TO writes it: null is {@code
     * \N}; backslash and the control characters {@code \b \f \n \r \t \v} get a backslash escape;
     * everything else is written as is.
     */
    public static String copyEscape(String value) {
        return CopyText.escape(value);
    }

    /**
     * Reverses {@link #copyEscape}, accepting everything COPY FROM accepts: {@code \N} alone is
     * null, plus octal ({@code \123}) and hex ({@code \x7f}) byte escapes over UTF-8.
     */
    public static String copyUnescape(String field) {
        return CopyText.unescape(field);
    }

    /** Joins values into one COPY text line (tab-separated, escaped, no trailing newline). */
    public static String copyRow(List<String> values) {
        return CopyText.formatRow(values);
    }

    /** Splits one COPY text line (without its newline) into unescaped values; {@code \N} gives null. */
    public static List<String> parseCopyRow(String line) {
        return CopyText.parseRow(line);
    }

    /**
     * Encodes a row as SkyTools' {@code db_urlencode} does: {@code key=value} pairs joined by
     * {@code &}, a null value as the bare key, every byte outside {@code [0-9A-Za-z_.-]} of the
     * UTF-8 text as lower-case {@code %xx} and space as {@code +}.
     */
    public static String urlEncode(Map<String, String> row) {
        return UrlCoding.encode(row, StandardCharsets.UTF_8);
    }

    /**
     * As {@link #urlEncode(Map)}, escaping the bytes of the text in {@code charset}: the row as a
     * capture trigger of a database with that encoding writes it. A character the charset cannot
     * hold becomes {@code ?}, as {@link String#getBytes(Charset)} replaces it.
     */
    public static String urlEncode(Map<String, String> row, Charset charset) {
        return UrlCoding.encode(row, charset);
    }

    /**
     * Decodes a {@code db_urlencode} string: {@code +} is space, {@code %xx} a byte of UTF-8, a
     * key without {@code =} is null and a repeated key keeps its last value. Order is kept.
     */
    public static Map<String, String> urlDecode(String text) {
        return UrlCoding.decode(text, StandardCharsets.UTF_8);
    }

    /**
     * As {@link #urlDecode(String)} for a row whose {@code %xx} bytes are text in {@code charset}:
     * the capture triggers escape the bytes of their database's encoding (see {@link
     * ServerEncoding}).
     */
    public static Map<String, String> urlDecode(String text, Charset charset) {
        return UrlCoding.decode(text, charset);
    }
}
