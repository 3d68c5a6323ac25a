package org.skytools.qadmin.lang;

import java.util.List;

/** Grammar of the {@code show} commands. */
final class ShowRules {
    private ShowRules() {}

    static Statement show(TokenCursor c) {
        Statement result;
        if (c.acceptKeyword("batch")) {
            var id = c.acceptName(NameKind.BATCH_ID);
            result = id.isPresent()
                    ? new Statement.ShowBatch(ConsumerRules.wholeNumber(id.get()), null)
                    : new Statement.ShowBatch(null, c.name(NameKind.CONSUMER).value());
        } else if (c.acceptKeyword("help")) {
            result = new Statement.ShowHelp();
        } else if (c.acceptKeyword("queue")) {
            result = new Statement.ShowQueue(c.acceptTarget(NameKind.QUEUE).orElse(null));
        } else if (c.acceptKeyword("consumer")) {
            Statement.Target consumer = c.acceptTarget(NameKind.CONSUMER).orElse(null);
            result = new Statement.ShowConsumer(consumer, consumer == null ? null : onQueue(c));
        } else if (c.acceptKeyword("node")) {
            Statement.Target node = c.acceptTarget(NameKind.NODE).orElse(null);
            result = new Statement.ShowNode(node, node == null ? null : onQueue(c));
        } else if (c.acceptKeyword("table")) {
            result = new Statement.ShowTable(parts(c.name(NameKind.TABLE)));
        } else if (c.acceptKeyword("sequence")) {
            result = new Statement.ShowSequence(parts(c.name(NameKind.SEQUENCE)));
        } else if (c.acceptKeyword("version")) {
            result = new Statement.ShowVersion();
        } else {
            throw c.error();
        }
        c.end();
        return result;
    }

    /** The parts of a possibly qualified name; a string literal splits at its first dot. */
    private static List<String> parts(Token token) {
        if (token.type() == TokenType.IDENT) {
            return token.parts();
        }
        int dot = token.value().indexOf('.');
        return dot < 0
                ? List.of(token.value())
                : List.of(token.value().substring(0, dot), token.value().substring(dot + 1));
    }

    private static Statement.Target onQueue(TokenCursor c) {
        return c.acceptKeyword("on") ? c.target(NameKind.QUEUE) : null;
    }
}
