package org.skytools.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuotingTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            abc            | abc
            _x1            | _x1
            a_b_9          | a_b_9
            Abc            | "Abc"
            1abc           | "1abc"
            select         | "select"
            user           | "user"
            order          | "order"
            json_table     | "json_table"
            system_user    | "system_user"
            name           | name
            text           | text
            a b            | "a b"
            a"b            | "a""b"
            äpfel          | "äpfel"
            a$b            | "a$b"
            """)
    void quoteIdentFollowsPostgres(String in, String out) {
        assertThat(Quoting.quoteIdent(in)).isEqualTo(out);
    }

    @Test
    void quoteIdentOfEmptyIsTwoQuotes() {
        assertThat(Quoting.quoteIdent("")).isEqualTo("\"\"");
    }

    @Test
    void keywordListHoldsOnlyLowerCaseWords() {
        assertThat(SqlKeywords.all()).allMatch(w -> w.matches("[a-z_]+")).contains("all", "xmltable", "merge_action");
    }

    @Test
    void quoteFqNameSplitsAtFirstDotAndDefaultsToPublic() {
        assertThat(Quoting.quoteFqName("tbl")).isEqualTo("public.tbl");
        assertThat(Quoting.quoteFqName("s.t")).isEqualTo("s.t");
        assertThat(Quoting.quoteFqName("S.t.x")).isEqualTo("\"S\".\"t.x\"");
        assertThat(Quoting.quoteFqName("user.Order")).isEqualTo("\"user\".\"Order\"");
        assertThat(Quoting.quoteFqIdent(".x")).isEqualTo("\"\".x");
        assertThat(Quoting.splitFqName("a.b.c")).isEqualTo(new FqName("a", "b.c"));
        assertThat(Quoting.splitFqName("t")).isEqualTo(new FqName("public", "t"));
        assertThat(new FqName("s", "T").toString()).isEqualTo("s.T");
    }

    @Test
    void quoteIdentListJoinsWithComma() {
        assertThat(Quoting.quoteIdentList(List.of("a", "B", "from"))).isEqualTo("a, \"B\", \"from\"");
    }

    @Test
    void quoteLiteralDoublesQuotesAndUsesEStringForBackslashes() {
        assertThat(Quoting.quoteLiteral("abc")).isEqualTo("'abc'");
        assertThat(Quoting.quoteLiteral("")).isEqualTo("''");
        assertThat(Quoting.quoteLiteral("it's")).isEqualTo("'it''s'");
        assertThat(Quoting.quoteLiteral("a\\b")).isEqualTo("E'a\\\\b'");
        assertThat(Quoting.quoteLiteral("'\\'")).isEqualTo("E'''\\\\'''");
        assertThat(Quoting.quoteLiteral("tab\there")).isEqualTo("'tab\there'");
        assertThat(Quoting.quoteLiteralOrNull(null)).isEqualTo("null");
        assertThat(Quoting.quoteLiteralOrNull("x")).isEqualTo("'x'");
    }

    @Test
    void quoteJsonEscapesLikeToJson() {
        assertThat(Quoting.quoteJson("a\"b\\c/d")).isEqualTo("\"a\\\"b\\\\c/d\"");
        assertThat(Quoting.quoteJson("\b\f\n\r\t")).isEqualTo("\"\\b\\f\\n\\r\\t\"");
        assertThat(Quoting.quoteJson("\u0001\u001f\u007f")).isEqualTo("\"\\u0001\\u001f\u007f\"");
        assertThat(Quoting.quoteJson("€😀")).isEqualTo("\"€😀\"");
        assertThat(Quoting.quoteJson(null)).isEqualTo("null");
    }

    @Test
    void copyEscapeMatchesCopyToOutput() {
        assertThat(Quoting.copyEscape(null)).isEqualTo("\\N");
        assertThat(Quoting.copyEscape("plain")).isSameAs("plain");
        assertThat(Quoting.copyEscape("a\\b\tc\nd\re\bf\fg\u000bh")).isEqualTo("a\\\\b\\tc\\nd\\re\\bf\\fg\\vh");
        assertThat(Quoting.copyEscape("\u0001")).isEqualTo("\u0001");
        assertThat(Quoting.copyEscape("\\N")).isEqualTo("\\\\N");
    }

    @Test
    void copyUnescapeAcceptsWhatCopyFromAccepts() {
        assertThat(Quoting.copyUnescape("\\N")).isNull();
        assertThat(Quoting.copyUnescape("\\\\N")).isEqualTo("\\N");
        assertThat(Quoting.copyUnescape("a\\tb\\nc\\\\d\\v")).isEqualTo("a\tb\nc\\d\u000b");
        assertThat(Quoting.copyUnescape("\\101\\x42\\7")).isEqualTo("AB\u0007");
        assertThat(Quoting.copyUnescape("\\xe2\\x82\\xac")).isEqualTo("€");
        assertThat(Quoting.copyUnescape("\\xg")).isEqualTo("xg");
        assertThat(Quoting.copyUnescape("\\q\\😀")).isEqualTo("q😀");
        assertThat(Quoting.copyUnescape("")).isEmpty();
    }

    @Test
    void copyRowRoundTrips() {
        List<String> row = java.util.Arrays.asList("1", null, "a\tb", "", "\\N", "x\ny");
        String line = Quoting.copyRow(row);
        assertThat(line).isEqualTo("1\t\\N\ta\\tb\t\t\\\\N\tx\\ny");
        assertThat(Quoting.parseCopyRow(line)).isEqualTo(row);
        assertThat(Quoting.parseCopyRow("")).containsExactly("");
    }

    @Test
    void urlEncodeLikeDbUrlencode() {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", "1");
        row.put("txt", null);
        row.put("val", "a b&c=d");
        row.put("u", "ä~*");
        row.put("e", "");
        assertThat(Quoting.urlEncode(row)).isEqualTo("id=1&txt&val=a+b%26c%3dd&u=%c3%a4%7e%2a&e=");
        assertThat(Quoting.urlDecode("id=1&txt&val=a+b%26c%3Dd&u=%c3%a4%7e%2a&e="))
                .isEqualTo(row);
    }

    @Test
    void urlEncodeInAnotherCharsetEscapesThatCharsetsBytes() {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("u", "ä é");
        String latin1 = Quoting.urlEncode(row, StandardCharsets.ISO_8859_1);
        assertThat(latin1).isEqualTo("u=%e4+%e9");
        assertThat(Quoting.urlDecode(latin1, StandardCharsets.ISO_8859_1)).isEqualTo(row);
    }

    @Test
    void urlDecodeKeepsOrderLastValueWinsAndIsLenient() {
        Map<String, String> row = Quoting.urlDecode("b=1&a=2&b=3&&c&bad=%zz%4");
        assertThat(row.keySet()).containsExactly("b", "a", "c", "bad");
        assertThat(row).containsEntry("b", "3").containsEntry("c", null).containsEntry("bad", "%zz%4");
        assertThat(Quoting.urlDecode("")).isEmpty();
        assertThat(Quoting.urlDecode(null)).isEmpty();
        assertThat(Quoting.urlDecode("k=a=b")).containsEntry("k", "a=b");
    }

    @Test
    void urlDecodeReadsPlusOnlyRawUnicodeAndEmptyPartsAlike() {
        Map<String, String> row = Quoting.urlDecode("f=++a+b++&u=\u00e4+\ud83d\ude00&m=\u00e4%20%c3%a4&=v&z=&");
        assertThat(row.keySet()).containsExactly("f", "u", "m", "", "z");
        assertThat(row)
                .containsEntry("f", "  a b  ")
                .containsEntry("u", "\u00e4 \ud83d\ude00")
                .containsEntry("m", "\u00e4 \u00e4")
                .containsEntry("", "v")
                .containsEntry("z", "");
        assertThat(Quoting.urlDecode("&&a&")).containsOnlyKeys("a").containsEntry("a", null);
        // raw characters of two, three and four bytes around escapes, and escapes that are not
        assertThat(Quoting.urlDecode("k=\u00e4\u20ac\u20ac%41\ud83d\ude00+%zz%4F%4"))
                .containsEntry("k", "\u00e4\u20ac\u20acA\ud83d\ude00 %zzO%4");
    }
}
