package org.skytools.pgq.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PgTextTest {
    @Test
    void urlDecodeKeepsColumnOrderAndDecodesEscapes() {
        Map<String, String> row = PgText.urlDecode("id=1&name=J%c3%bcri+Tamm&note=a%26b%3dc");
        assertThat(row)
                .containsExactly(Map.entry("id", "1"), Map.entry("name", "Jüri Tamm"), Map.entry("note", "a&b=c"));
    }

    @Test
    void urlDecodeKeyWithoutEqualsIsNullAndEmptyValueIsEmpty() {
        Map<String, String> row = PgText.urlDecode("id=1&txt&val=");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("id", "1");
        expected.put("txt", null);
        expected.put("val", "");
        assertThat(row).containsExactlyEntriesOf(expected);
    }

    @Test
    void urlDecodeRepeatedKeyLastWins() {
        assertThat(PgText.urlDecode("a=1&b=2&a=3")).containsEntry("a", "3").hasSize(2);
    }

    @Test
    void urlDecodeSkipsEmptyPartsAndKeepsMalformedEscapes() {
        assertThat(PgText.urlDecode("&a=1&&b=%zz%4")).containsEntry("a", "1").containsEntry("b", "%zz%4");
        assertThat(PgText.urlDecode(null)).isEmpty();
        assertThat(PgText.urlDecode("")).isEmpty();
    }

    @Test
    void urlDecodeKeepsNonAsciiLiteralText() {
        assertThat(PgText.urlDecode("k=ä€😀+x")).containsEntry("k", "ä€😀 x");
    }

    @Test
    void quoteLiteralDoublesQuotesAndEscapesBackslashes() {
        assertThat(PgText.quoteLiteral("it's")).isEqualTo("'it''s'");
        assertThat(PgText.quoteLiteral("a\\b")).isEqualTo("E'a\\\\b'");
        assertThat(PgText.quoteLiteral(null)).isEqualTo("NULL");
    }

    @Test
    void fqNameAddsPublicOnlyWithoutSchema() {
        assertThat(PgText.fqName("t1")).isEqualTo("public.t1");
        assertThat(PgText.fqName("s.t1")).isEqualTo("s.t1");
        assertThat(PgText.quoteFqName("pgq.event_1_0")).isEqualTo("\"pgq\".\"event_1_0\"");
        assertThat(PgText.quoteFqName("Tbl")).isEqualTo("\"public\".\"Tbl\"");
    }

    @Test
    void copyFieldEscapesControlCharactersAndNull() {
        StringBuilder sb = new StringBuilder();
        PgText.appendCopyField(sb, "a\tb\nc\\d\re");
        sb.append('|');
        PgText.appendCopyField(sb, null);
        assertThat(sb.toString()).isEqualTo("a\\tb\\nc\\\\d\\re|\\N");
    }
}
