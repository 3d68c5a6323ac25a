package org.skytools.qadmin.lang;

/** The kinds of token the statement tokenizer produces; whitespace and comments are dropped. */
public enum TokenType {
    /** A name or keyword, possibly quoted and dotted: {@code queue}, {@code "My Table"}, {@code public.t}. */
    IDENT,
    /** A string literal: {@code 'x'}, {@code E'x\n'} or {@code $tag$x$tag$}. */
    STRING,
    /** An unsigned number: {@code 42}, {@code 1.5}, {@code 1e3}. */
    NUMBER,
    /** One punctuation or operator character: {@code ;}, {@code ,}, {@code =}, {@code *}. */
    SYMBOL,
    /** A backslash command such as {@code \q}. */
    META
}
