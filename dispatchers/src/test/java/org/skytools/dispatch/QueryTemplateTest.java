package org.skytools.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueryTemplateTest {
    @Test
    void namedParametersBecomePlaceholdersInOrder() {
        QueryTemplate q = QueryTemplate.parse("insert into t (id, v, d) values (%(id)s, %(pgq.ev_extra1)s, %(id)s)");
        assertThat(q.sql()).isEqualTo("insert into t (id, v, d) values (?, ?, ?)");
        assertThat(q.names()).containsExactly("id", "pgq.ev_extra1", "id");
    }

    @Test
    void doubledPercentIsOnePercentEverywhere() {
        QueryTemplate q = QueryTemplate.parse("select %(a)s %% 2, 'x%%y' from t where s like 'a%%'");
        assertThat(q.sql()).isEqualTo("select ? % 2, 'x%y' from t where s like 'a%'");
    }

    @Test
    void questionMarkOutsideQuotesIsEscapedForJdbc() {
        QueryTemplate q = QueryTemplate.parse("select %(j)s::jsonb ? 'k', '?' as lit, \"a?\" from x -- why?\n");
        assertThat(q.sql()).isEqualTo("select ?::jsonb ?? 'k', '?' as lit, \"a?\" from x -- why?\n");
    }

    @Test
    void quotedTextIsCopiedAsItIs() {
        QueryTemplate q = QueryTemplate.parse(
                "select 'it''s', E'back\\'slash', $$dollar ?$$, $tag$ %(no)s $tag$, /* c ? */ %(yes)s, $1");
        assertThat(q.names()).containsExactly("yes");
        assertThat(q.sql())
                .isEqualTo("select 'it''s', E'back\\'slash', $$dollar ?$$, $tag$ %(no)s $tag$, /* c ? */ ?, $1");
    }

    @Test
    void parameterInsideAStringOrUnterminatedIsAConfigError() {
        assertThatThrownBy(() -> QueryTemplate.parse("select '%(x)s'")).hasMessageContaining("inside a quoted string");
        assertThatThrownBy(() -> QueryTemplate.parse("select %(x")).hasMessageContaining("unterminated");
    }
}
