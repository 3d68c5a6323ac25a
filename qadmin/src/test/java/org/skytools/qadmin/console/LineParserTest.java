package org.skytools.qadmin.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;
import org.skytools.qadmin.lang.StatementParser;

class LineParserTest {
    private final LineParser parser = new LineParser(new StatementParser());

    @Test
    void openStatementAsksForAnotherLine() {
        assertThatThrownBy(() -> parser.parse("show queue", 10, ParseContext.ACCEPT_LINE))
                .isInstanceOf(EOFError.class);
        assertThatThrownBy(() -> parser.parse("select 'a", 9, ParseContext.ACCEPT_LINE))
                .isInstanceOf(EOFError.class);
    }

    @Test
    void finishedOrBrokenLinesAreAccepted() {
        assertThat(parser.parse("show queue;", 11, ParseContext.ACCEPT_LINE).line())
                .isEqualTo("show queue;");
        // a real syntax error is reported when the line runs, not by asking for more
        assertThat(parser.parse("show foo;", 9, ParseContext.ACCEPT_LINE).line())
                .isEqualTo("show foo;");
        assertThat(parser.parse("\\q", 2, ParseContext.ACCEPT_LINE).line()).isEqualTo("\\q");
        assertThat(parser.parse("", 0, ParseContext.ACCEPT_LINE).line()).isEmpty();
    }

    @Test
    void wordAtCursorFollowsTheQadminTokenizer() {
        ParsedLine line = parser.parse("connect dbname=pos", 18, ParseContext.COMPLETE);
        assertThat(line.word()).isEqualTo("pos");
        assertThat(line.wordCursor()).isEqualTo(3);
        assertThat(line.words()).containsExactly("connect", "dbname", "=", "pos");
        assertThat(parser.parse("show queue ", 11, ParseContext.COMPLETE).word())
                .isEmpty();
        assertThat(parser.parse("show queue \"My", 14, ParseContext.COMPLETE).word())
                .isEqualTo("\"My");
    }
}
