package org.skytools.qadmin.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {
    private final Tokenizer tokenizer = new Tokenizer();

    private List<Token> tokens(String s) {
        return tokenizer.tokenize(s);
    }

    @Test
    void bareNamesFoldToLowerCaseAndQuotedKeepCase() {
        List<Token> t = tokens("Create QUEUE \"MyQ\"");
        assertThat(t).extracting(Token::value).containsExactly("create", "queue", "MyQ");
        assertThat(t.get(0).isKeyword("create")).isTrue();
        assertThat(t.get(2).isKeyword("myq")).isFalse();
        assertThat(t.get(2).quoted()).isTrue();
    }

    @Test
    void dottedNamesAreOneToken() {
        List<Token> t = tokens("show table Public.\"My Tab\";");
        assertThat(t).extracting(Token::text).containsExactly("show", "table", "Public.\"My Tab\"", ";");
        assertThat(t.get(2).parts()).containsExactly("public", "My Tab");
        assertThat(t.get(2).value()).isEqualTo("public.My Tab");
    }

    @Test
    void stringsWithStandardAndEscapeQuoting() {
        List<Token> t = tokens("'it''s' E'a\\nb\\'c' $$x;y$$ $f$z$f$");
        assertThat(t).extracting(Token::type).containsOnly(TokenType.STRING);
        assertThat(t).extracting(Token::value).containsExactly("it's", "a\nb'c", "x;y", "z");
    }

    @Test
    void numbersSymbolsAndPositions() {
        List<Token> t = tokens("max_count=500, x=1.5e3 $1");
        assertThat(t)
                .extracting(Token::text)
                .containsExactly("max_count", "=", "500", ",", "x", "=", "1.5e3", "$", "1");
        assertThat(t.get(2).type()).isEqualTo(TokenType.NUMBER);
        assertThat(t.get(2).start()).isEqualTo(10);
        assertThat(t.get(2).end()).isEqualTo(13);
    }

    @Test
    void commentsAreSkippedAndBlockCommentsNest() {
        List<Token> t = tokens("show -- note ;\n /* a /* b */ ; */ queue;");
        assertThat(t).extracting(Token::text).containsExactly("show", "queue", ";");
    }

    @Test
    void openQuotesGiveUnterminatedTokens() {
        assertThat(tokens("select 'abc").get(1).terminated()).isFalse();
        assertThat(tokens("show queue \"Ab").get(2).terminated()).isFalse();
        assertThat(tokens("do $$ begin").get(1).terminated()).isFalse();
    }

    @Test
    void backslashCommandsAreMetaTokens() {
        List<Token> t = tokens("\\q");
        assertThat(t).singleElement().extracting(Token::type).isEqualTo(TokenType.META);
    }
}
