package org.skytools.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading the urlencoded rows of a database that is not UTF8 (L-24). */
class ServerEncodingTest {
    private static final Charset LATIN1 = StandardCharsets.ISO_8859_1;

    @Test
    void mapsPostgresEncodingNamesToJavaCharsets() {
        assertThat(ServerEncoding.charset("UTF8")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(ServerEncoding.charset("LATIN1")).isEqualTo(LATIN1);
        assertThat(ServerEncoding.charset("LATIN9")).isEqualTo(Charset.forName("ISO-8859-15"));
        assertThat(ServerEncoding.charset("WIN1252")).isEqualTo(Charset.forName("windows-1252"));
        assertThat(ServerEncoding.charset("KOI8R")).isEqualTo(Charset.forName("KOI8-R"));
        assertThat(ServerEncoding.charset("EUC_JP")).isEqualTo(Charset.forName("EUC-JP"));
        // bytes of any encoding, most often UTF-8; and what Java cannot read
        assertThat(ServerEncoding.charset("win1251")).isEqualTo(Charset.forName("windows-1251"));
        assertThat(ServerEncoding.charset("SQL_ASCII")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(ServerEncoding.charset("MULE_INTERNAL")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(ServerEncoding.charset(null)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void l24_escapedBytesAreReadInTheDatabasesCharset() {
        // what a LATIN1 database's logutriga writes for 'café' and 'Größe'
        String text = "w=caf%e9&c=Gr%f6%dfe&n&plain=a+b";
        Map<String, String> row = Quoting.urlDecode(text, LATIN1);
        assertThat(row.keySet()).containsExactly("w", "c", "n", "plain");
        assertThat(row.values()).containsExactly("café", "Größe", null, "a b");
        assertThat(new RowImageDecoder(LATIN1).decode(text)).isEqualTo(row);
        // the same bytes were never UTF-8
        assertThat(Quoting.urlDecode(text).get("w")).isNotEqualTo("café");
    }

    @Test
    void l24_anUnescapedCharacterKeepsItsValueInAnyCharset() {
        // a character that came through the connection's conversion, beside escaped bytes
        String text = "w=\u00e9t%e9";
        assertThat(Quoting.urlDecode(text, LATIN1)).containsEntry("w", "été");
        assertThat(Quoting.urlDecode("w=\u00e9t%c3%a9")).containsEntry("w", "été");
    }

    @Test
    void l24_rowsOfOneShapeDecodeAlikeThroughTheTemplate() {
        RowImageDecoder decoder = new RowImageDecoder(LATIN1);
        for (String text : List.of("id=1&w=%e9", "id=2&w=%e0+%f1", "id=3&w")) {
            assertThat(decoder.decode(text)).isEqualTo(Quoting.urlDecode(text, LATIN1));
        }
        assertThat(decoder.decode("id=2&w=%e0+%f1").get("w")).isEqualTo("à ñ");
    }
}
