package org.skytools.qadmin.lang;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a grammar slot holds when it is not a fixed word: a queue, a consumer, a number... The kind
 * decides which tokens fit and which names completion offers there.
 */
public enum NameKind {
    QUEUE("queue", TokenType.IDENT, TokenType.STRING),
    CONSUMER("consumer", TokenType.IDENT, TokenType.STRING),
    SUBCONSUMER("subconsumer", TokenType.IDENT, TokenType.STRING, TokenType.NUMBER),
    NODE("node", TokenType.IDENT, TokenType.STRING),
    DATABASE("database", TokenType.IDENT, TokenType.STRING),
    HOST("host", TokenType.IDENT, TokenType.STRING, TokenType.NUMBER),
    PORT("port", TokenType.NUMBER),
    USER("user", TokenType.IDENT, TokenType.STRING),
    PASSWORD("password", TokenType.IDENT, TokenType.STRING, TokenType.NUMBER),
    /** Any ordinary table ({@code show table}). */
    TABLE("table", TokenType.IDENT, TokenType.STRING),
    /** Any sequence ({@code show sequence}). */
    SEQUENCE("sequence", TokenType.IDENT, TokenType.STRING),
    /** A table not yet in londiste on the default queue. */
    NEW_TABLE("table", TokenType.IDENT, TokenType.STRING),
    /** A table londiste replicates on the default queue. */
    KNOWN_TABLE("table", TokenType.IDENT, TokenType.STRING),
    /** A sequence not yet in londiste on the default queue. */
    NEW_SEQUENCE("sequence", TokenType.IDENT, TokenType.STRING),
    /** A sequence londiste replicates on the default queue. */
    KNOWN_SEQUENCE("sequence", TokenType.IDENT, TokenType.STRING),
    BATCH_ID("batch id", TokenType.NUMBER),
    TICK_ID("tick id", TokenType.NUMBER),
    NUMBER("number", TokenType.NUMBER),
    STRING("string", TokenType.STRING, TokenType.NUMBER);

    private final String label;
    private final Set<TokenType> accepts;

    NameKind(String label, TokenType first, TokenType... more) {
        this.label = label;
        this.accepts = EnumSet.of(first, more);
    }

    /** How messages name the slot, for example {@code queue} in {@code <queue>}. */
    public String label() {
        return label;
    }

    /** Whether {@code token} can fill this slot. */
    public boolean accepts(Token token) {
        return accepts.contains(token.type()) && token.terminated();
    }
}
