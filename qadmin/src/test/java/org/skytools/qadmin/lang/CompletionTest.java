package org.skytools.qadmin.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser tells completion what may come next at the cursor. */
class CompletionTest {
    private final StatementParser parser = new StatementParser();

    private Completion at(String text) {
        return parser.complete(text, text.length());
    }

    private static List<String> described(Completion c) {
        return c.expected().stream().map(Expectation::describe).toList();
    }

    @Test
    void emptyLineOffersEveryCommand() {
        Completion c = at("");
        assertThat(described(c))
                .containsExactly(
                        "alter",
                        "connect",
                        "create",
                        "drop",
                        "exit",
                        "install",
                        "londiste",
                        "register",
                        "select",
                        "show",
                        "unregister");
        assertThat(c.word()).isEmpty();
        assertThat(c.wordStart()).isZero();
    }

    @Test
    void partWordIsTheWordBeingCompleted() {
        Completion c = at("sho");
        assertThat(c.word()).isEqualTo("sho");
        assertThat(c.wordStart()).isZero();
        assertThat(described(c)).contains("show", "select");
    }

    @Test
    void afterShowComeItsSubcommands() {
        assertThat(described(at("show ")))
                .containsExactly("batch", "help", "queue", "consumer", "node", "table", "sequence", "version");
        Completion c = at("SHOW q");
        assertThat(c.word()).isEqualTo("q");
        assertThat(c.wordStart()).isEqualTo(5);
    }

    @Test
    void afterShowQueueComeQueueNames() {
        Completion c = at("show queue ");
        assertThat(described(c)).containsExactly("\"*\"", "<queue>", "\";\"");
        assertThat(c.expected()).contains(Expectation.name(NameKind.QUEUE));
        Completion partial = at("show queue ev");
        assertThat(partial.word()).isEqualTo("ev");
        assertThat(partial.expected()).contains(Expectation.name(NameKind.QUEUE));
    }

    @Test
    void contextDecidesTheKindOfName() {
        assertThat(at("show consumer c1 on ").expected()).contains(Expectation.name(NameKind.QUEUE));
        assertThat(at("show consumer ").expected()).contains(Expectation.name(NameKind.CONSUMER));
        assertThat(at("register consumer c1 copy ").expected()).containsExactly(Expectation.name(NameKind.CONSUMER));
        assertThat(at("unregister subconsumer * for ").expected()).containsExactly(Expectation.name(NameKind.CONSUMER));
        assertThat(at("show table ").expected()).containsExactly(Expectation.name(NameKind.TABLE));
        assertThat(at("londiste add table a, ").expected()).containsExactly(Expectation.name(NameKind.NEW_TABLE));
        assertThat(at("londiste remove sequence ").expected())
                .containsExactly(Expectation.name(NameKind.KNOWN_SEQUENCE));
        assertThat(at("connect dbname=").expected()).containsExactly(Expectation.name(NameKind.DATABASE));
        assertThat(at("connect host=").expected()).containsExactly(Expectation.name(NameKind.HOST));
    }

    @Test
    void keywordsFollowedByEqualsCarryTheirSuffix() {
        Completion c = at("connect ");
        assertThat(c.expected()).contains(Expectation.keyword("dbname", "="), Expectation.keyword("queue", "="));
        Completion alter = at("alter queue q set ");
        assertThat(alter.expected())
                .containsExactly(
                        Expectation.keyword("idle_period", "='"),
                        Expectation.keyword("max_count", "="),
                        Expectation.keyword("max_lag", "='"),
                        Expectation.keyword("paused", "="));
    }

    @Test
    void optionalClausesAreOfferedWithTheEnd() {
        assertThat(described(at("register consumer c1 "))).containsExactly("\";\"", "on", "at", "copy");
        assertThat(described(at("unregister subconsumer s for c "))).containsExactly("from", "close", "\";\"");
        assertThat(described(at("londiste add table t with skip, "))).contains("skip_truncate", "ev_ignore");
    }

    @Test
    void laterStatementsOnTheLineAreCompletedToo() {
        assertThat(described(at("create queue a; show que"))).contains("queue");
        assertThat(at("create queue a; show que").wordStart()).isEqualTo(21);
        assertThat(described(at("select 1; "))).contains("show", "create");
    }

    @Test
    void nothingInsideSqlOrAfterAnError() {
        assertThat(at("select * from t where ").expected()).isEmpty();
        assertThat(at("show foo ").expected()).isEmpty();
        assertThat(described(at("create "))).containsExactly("queue");
    }

    @Test
    void cursorInTheMiddleLooksOnlyLeft() {
        String text = "show  queue;";
        Completion c = parser.complete(text, 5);
        assertThat(c.word()).isEmpty();
        assertThat(described(c)).contains("queue", "consumer");
    }

    @Test
    void openQuoteIsPartOfTheWord() {
        Completion c = at("show queue \"My");
        assertThat(c.word()).isEqualTo("\"My");
        assertThat(c.expected()).contains(Expectation.name(NameKind.QUEUE));
    }
}
