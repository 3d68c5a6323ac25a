package org.skytools.qadmin.lang;

import java.util.List;
import java.util.Locale;

/**
 * One token of qadmin input with its place in the source text.
 *
 * @param type what kind of token
 * @param text the token as written
 * @param start offset of the first character in the source
 * @param end offset just after the last character
 * @param value the value: a name unquoted (bare parts folded to lower case) and joined by dots, a
 *     string literal without quotes and escapes, otherwise the text
 * @param parts for {@link TokenType#IDENT}, the dot-separated parts unquoted; else empty
 * @param quoted whether an identifier has a double-quoted part
 * @param terminated false when a quoted string, name or comment runs to the end of the input
 */
public record Token(
        TokenType type,
        String text,
        int start,
        int end,
        String value,
        List<String> parts,
        boolean quoted,
        boolean terminated) {

    public Token {
        parts = List.copyOf(parts);
    }

    /** Whether this is the bare (unquoted, undotted) word {@code keyword}, in any case. */
    public boolean isKeyword(String keyword) {
        return type == TokenType.IDENT && !quoted && parts.size() == 1 && text.equalsIgnoreCase(keyword);
    }

    /** Whether this is the symbol {@code symbol}. */
    public boolean isSymbol(String symbol) {
        return type == TokenType.SYMBOL && text.equals(symbol);
    }

    /** The token lower-cased when it is a bare word, for messages and keyword lookups. */
    public String normalized() {
        return type == TokenType.IDENT && !quoted ? text.toLowerCase(Locale.ROOT) : text;
    }
}
