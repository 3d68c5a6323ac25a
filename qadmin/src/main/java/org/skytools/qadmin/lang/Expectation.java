package org.skytools.qadmin.lang;

import java.util.Objects;

/**
 * One thing the grammar accepts at a position: a keyword, a symbol or a slot of a {@link
 * NameKind}. Syntax errors list them and completion turns them into candidates.
 *
 * @param kind keyword, symbol or name slot
 * @param text the keyword or symbol; the kind's label for a name slot
 * @param suffix what completion appends to a keyword, e.g. {@code =} for {@code dbname=}
 * @param name the slot's kind, or null for keywords and symbols
 */
public record Expectation(Kind kind, String text, String suffix, NameKind name) {

    /** The three sorts of expectation. */
    public enum Kind {
        KEYWORD,
        SYMBOL,
        NAME
    }

    public Expectation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        suffix = suffix == null ? "" : suffix;
    }

    /** The bare word {@code word}. */
    public static Expectation keyword(String word) {
        return new Expectation(Kind.KEYWORD, word, "", null);
    }

    /** The word {@code word}, offered by completion with {@code suffix} attached. */
    public static Expectation keyword(String word, String suffix) {
        return new Expectation(Kind.KEYWORD, word, suffix, null);
    }

    /** The symbol {@code symbol}. */
    public static Expectation symbol(String symbol) {
        return new Expectation(Kind.SYMBOL, symbol, "", null);
    }

    /** A slot for a name or value of kind {@code name}. */
    public static Expectation name(NameKind name) {
        return new Expectation(Kind.NAME, name.label(), "", name);
    }

    /** As shown in syntax errors: keywords bare, symbols quoted, slots in angle brackets. */
    public String describe() {
        return switch (kind) {
            case KEYWORD -> text;
            case SYMBOL -> "\"" + text + "\"";
            case NAME -> "<" + text + ">";
        };
    }
}
