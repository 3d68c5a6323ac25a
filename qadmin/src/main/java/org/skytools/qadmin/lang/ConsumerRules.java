package org.skytools.qadmin.lang;

/** Grammar of {@code register} and {@code unregister} for consumers and subconsumers. */
final class ConsumerRules {
    private ConsumerRules() {}

    /**
     * {@code register consumer C [on Q | at TICK | copy OTHER]...;} or {@code register subconsumer
     * S [for C | on Q]...;} (the {@code for} clause is required).
     */
    static Statement register(TokenCursor c) {
        if (c.acceptKeyword("consumer")) {
            String consumer = c.name(NameKind.CONSUMER).value();
            String queue = null;
            Long atTick = null;
            String copyFrom = null;
            while (!c.acceptEnd()) {
                if (c.acceptKeyword("on")) {
                    queue = c.name(NameKind.QUEUE).value();
                } else if (c.acceptKeyword("at")) {
                    atTick = wholeNumber(c.name(NameKind.TICK_ID));
                } else if (c.acceptKeyword("copy")) {
                    copyFrom = c.name(NameKind.CONSUMER).value();
                } else {
                    throw c.error();
                }
            }
            return new Statement.RegisterConsumer(consumer, queue, atTick, copyFrom);
        }
        c.keyword("subconsumer");
        String subconsumer = c.name(NameKind.SUBCONSUMER).value();
        String consumer = null;
        String queue = null;
        while (consumer == null || !c.acceptEnd()) {
            if (c.acceptKeyword("for")) {
                consumer = c.name(NameKind.CONSUMER).value();
            } else if (c.acceptKeyword("on")) {
                queue = c.name(NameKind.QUEUE).value();
            } else {
                throw c.error();
            }
        }
        return new Statement.RegisterSubconsumer(subconsumer, consumer, queue);
    }

    /**
     * {@code unregister consumer C|* [from Q];} or {@code unregister subconsumer S|* for C [from
     * Q] [close [batch]];}.
     */
    static Statement unregister(TokenCursor c) {
        if (c.acceptKeyword("consumer")) {
            Statement.Target consumer = c.target(NameKind.CONSUMER);
            String queue = from(c);
            c.end();
            return new Statement.UnregisterConsumer(consumer, queue);
        }
        c.keyword("subconsumer");
        Statement.Target subconsumer = c.target(NameKind.SUBCONSUMER);
        c.keyword("for");
        String consumer = c.name(NameKind.CONSUMER).value();
        String queue = from(c);
        boolean close = false;
        if (c.acceptKeyword("close")) {
            close = true;
            c.acceptKeyword("batch");
        }
        c.end();
        return new Statement.UnregisterSubconsumer(subconsumer, consumer, queue, close);
    }

    private static String from(TokenCursor c) {
        return c.acceptKeyword("from") ? c.name(NameKind.QUEUE).value() : null;
    }

    static long wholeNumber(Token token) {
        try {
            return Long.parseLong(token.text());
        } catch (NumberFormatException e) {
            throw SyntaxError.custom(token, "syntax error at \"" + token.text() + "\": expected a whole number");
        }
    }
}
