package org.skytools.londiste.obfuscate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.skytools.common.error.SkyToolsException;
import org.skytools.pgq.Event;
import org.skytools.pgq.RetryTagger;

/**
 * The obfuscate handler's rules on rows, copied rows and passed-on events. The expected values are
 * what the modern londiste's Python handler makes of the same input with key "123".
 */
class ObfuscatorTest {
    private static final String TABLE = "public.mytable";
    private static final String HASH_HDATA1 = "8a360867-91a5-182b-4bd2-f7fb845719f4";
    private static final String DOC =
            "{\"a\": 1, \"b\": {\"c\": \"x\u00e9\", \"d\": [1,2], \"e\": true}, \"f\": \"s\", \"g\": null, \"h\": 0}";
    private static final String DOC_OBFUSCATED = "{\"a\": 1232416885, \"b\": {\"c\": \"x\\u00e9\", \"d\": [1, 2],"
            + " \"e\": \"c6d4b1c6-a4c1-9e89-70a3-b8b973e2859b\"}, \"f\": \"t\", \"h\": \"f\"}";

    private static Obfuscator obfuscator() {
        return new Obfuscator(
                Path.of("rules.yaml"),
                RulesFile.parse(
                        Path.of("rules.yaml"),
                        """
                        public.mytable:
                          id: keep
                          htext: hash
                          btext: bool
                          stext: skip
                          n32: hash32
                          n64: hash64
                          doc:
                            a: hash32
                            b: {c: keep, d: keep, e: hash, zz: keep}
                            f: bool
                            g: keep
                            h: bool
                            missing: hash
                        """),
                "123".getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> row(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void rowKeepsHashesBoolsAndDropsSkippedAndUnnamedColumns() {
        Map<String, String> out = obfuscator()
                .row(
                        TABLE,
                        row(
                                "id", "1", "htext", "hdata1", "btext", "bdata1", "stext", "sdata1", "n32", "hdata1",
                                "n64", "bdata1", "other", "x"));
        assertThat(out)
                .containsExactly(
                        entry("id", "1"),
                        entry("htext", HASH_HDATA1),
                        entry("btext", "t"),
                        entry("n32", "1846148070"),
                        entry("n64", "3271530763925063486"));
    }

    @Test
    void nullStaysNullAndAnEmptyTextIsFalse() {
        Map<String, String> out = obfuscator().row(TABLE, row("htext", null, "btext", "", "n32", null, "doc", null));
        assertThat(out)
                .containsExactly(entry("htext", null), entry("btext", "f"), entry("n32", null), entry("doc", null));
    }

    @Test
    void jsonColumnKeepsOnlyWhatItsRulesName() {
        assertThat(obfuscator().row(TABLE, row("doc", DOC))).containsExactly(entry("doc", DOC_OBFUSCATED));
        // nothing kept, or not an object: an empty object
        assertThat(obfuscator().row(TABLE, row("doc", "{\"b\": {\"d\": 5}}")).get("doc"))
                .isEqualTo("{\"b\": {\"d\": 5}}");
        assertThat(obfuscator().row(TABLE, row("doc", "[1]")).get("doc")).isEqualTo("{}");
        assertThat(obfuscator().row(TABLE, row("doc", "{\"zz\": 1}")).get("doc"))
                .isEqualTo("{}");
    }

    @Test
    void jsonNumbersWithAFractionOrAnExponentAreFloatsAsInPython() {
        // kept floats come back as Python writes them, hashes take their repr, 1e-400 is a false 0.0
        String doc = "{\"a\": 1.50, \"b\": {\"c\": 1E2, \"d\": [0.00001, 2.50], \"e\": 2.5},"
                + " \"f\": 0.0, \"h\": 1e-400}";
        assertThat(obfuscator().row(TABLE, row("doc", doc)).get("doc"))
                .isEqualTo("{\"a\": 351366500, \"b\": {\"c\": 100.0, \"d\": [1e-05, 2.5],"
                        + " \"e\": \"87d81e18-fd5e-bc1f-6fe1-2109ece13741\"}, \"f\": \"f\", \"h\": \"f\"}");
    }

    @Test
    void copyLeavesSkippedColumnsOutAndKeepsTheOrder() {
        Obfuscator o = obfuscator();
        List<String> cols = o.copiedColumns(TABLE, List.of("id", "stext", "htext", "other", "btext"));
        assertThat(cols).containsExactly("id", "htext", "btext");
        assertThat(o.copyRow(TABLE, cols, Arrays.asList("7", "hdata1", null))).containsExactly("7", HASH_HDATA1, null);
    }

    @Test
    void urlencodedEventKeepsItsFormAndBackupIsObfuscatedToo() {
        Event ev = new Event(
                5,
                null,
                1,
                null,
                "U:id",
                "id=1&htext=hdata1&btext=bdata1&stext=sdata1",
                TABLE,
                "id=1&htext=hdata1&btext=&stext=old",
                null,
                null,
                RetryTagger.NONE);
        Event out = obfuscator().event(TABLE, ev, StandardCharsets.UTF_8);
        assertThat(out.data()).isEqualTo("id=1&htext=" + HASH_HDATA1 + "&btext=t");
        assertThat(out.extra2()).isEqualTo("id=1&htext=" + HASH_HDATA1 + "&btext=f");
        assertThat(out.type()).isEqualTo("U:id");
        assertThat(out.extra1()).isEqualTo(TABLE);
        assertThat(out.id()).isEqualTo(5);
    }

    @Test
    void urlencodedRowOfANonUtf8DatabaseStaysInItsEncoding() {
        Charset latin1 = StandardCharsets.ISO_8859_1;
        Event ev = new Event(
                7,
                null,
                1,
                null,
                "I:id",
                "id=caf%e9&htext=hdata1&btext=caf%e9",
                TABLE,
                null,
                null,
                null,
                RetryTagger.NONE);
        Event out = obfuscator().event(TABLE, ev, latin1);
        // the kept value is escaped as the LATIN1 byte it was, not as two UTF-8 bytes or U+FFFD
        assertThat(out.data()).isEqualTo("id=caf%e9&htext=" + HASH_HDATA1 + "&btext=t");
        // rules see the characters: the same text hashes alike from a UTF-8 database
        Event utf8 = obfuscator()
                .event(
                        TABLE,
                        new Event(
                                7,
                                null,
                                1,
                                null,
                                "I:id",
                                "id=caf%c3%a9&htext=hdata1",
                                TABLE,
                                null,
                                null,
                                null,
                                RetryTagger.NONE),
                        StandardCharsets.UTF_8);
        assertThat(utf8.data()).isEqualTo("id=caf%c3%a9&htext=" + HASH_HDATA1);
    }

    @Test
    void jsonEventBecomesJsonAsPythonWritesItWithTypesKept() {
        Event ev = new Event(
                6,
                null,
                1,
                null,
                "{\"op\":\"INSERT\",\"table\":[\"public\",\"mytable\"],\"pkey\":[\"id\"]}",
                "{\"id\":1,\"htext\":\"hdata1\",\"btext\":\"\",\"stext\":\"x\",\"n32\":1,\"doc\":" + quoted(DOC) + "}",
                TABLE,
                null,
                null,
                null,
                RetryTagger.NONE);
        Event out = obfuscator().event(TABLE, ev, StandardCharsets.UTF_8);
        assertThat(out.data())
                .isEqualTo("{\"id\": 1, \"htext\": \"" + HASH_HDATA1 + "\", \"btext\": \"f\", \"n32\": 1232416885,"
                        + " \"doc\": " + quoted(DOC_OBFUSCATED) + "}");
        assertThat(out.extra2()).isNull();
    }

    @Test
    void jsonValuesMeetTheRulesAsTheColumnTextSoCopyAndReplayAgree() {
        Obfuscator o = obfuscator();
        Event ev = new Event(
                8,
                null,
                1,
                null,
                "{\"op\":\"INSERT\",\"table\":[\"public\",\"mytable\"],\"pkey\":[\"id\"]}",
                "{\"id\":1,\"n32\":false,\"n64\":12.50}",
                TABLE,
                "not a row",
                null,
                null,
                RetryTagger.NONE);
        Event out = o.event(TABLE, ev, StandardCharsets.UTF_8);
        Map<String, String> copied = o.row(TABLE, row("id", "1", "n32", "f", "n64", "12.50"));
        assertThat(out.data())
                .isEqualTo("{\"id\": 1, \"n32\": " + copied.get("n32") + ", \"n64\": " + copied.get("n64") + "}");
        // an ev_extra2 that is not the old row is passed on as it is
        assertThat(out.extra2()).isEqualTo("not a row");
    }

    @Test
    void aJsonColumnThatHoldsNoJsonNamesTableAndColumn() {
        assertThatThrownBy(() -> obfuscator().row(TABLE, row("doc", "{oops")))
                .isInstanceOf(SkyToolsException.class)
                .hasMessageStartingWith(
                        "table \"public.mytable\" column \"doc\": a column with JSON rules holds no JSON");
    }

    private static String quoted(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void refusesPartialSqlEventsUnknownTablesBadRulesAndLongKeys() {
        Obfuscator o = obfuscator();
        Event sql = new Event(7, null, 1, null, "I", "(id) values (1)", TABLE, null, null, null, RetryTagger.NONE);
        assertThatThrownBy(() -> o.event(TABLE, sql, StandardCharsets.UTF_8))
                .isInstanceOf(SkyToolsException.class)
                .hasMessageContaining("not event 7 of type \"I\"");
        assertThatThrownBy(() -> o.row("public.other", row("id", "1")))
                .hasMessage("table \"public.other\" has handler obfuscate but is not in obfuscator_map rules.yaml;"
                        + " add it with a rule per column");
        assertThatThrownBy(() -> new Obfuscator(
                        Path.of("r.yaml"), RulesFile.parse(Path.of("r.yaml"), "t:\n  a: hush\n"), new byte[0]))
                .hasMessageStartingWith("obfuscator_map r.yaml: \"t.a\" has rule \"hush\"");
        assertThatThrownBy(() ->
                        new Obfuscator(Path.of("r.yaml"), RulesFile.parse(Path.of("r.yaml"), "t: keep\n"), new byte[0]))
                .hasMessage("obfuscator_map r.yaml: table \"t\" must map column names to rules");
        assertThatThrownBy(() -> new Obfuscator(Path.of("r.yaml"), Map.of(), new byte[33]))
                .hasMessage("obfuscator_key is 33 bytes long; BLAKE2s takes at most 32 bytes");
    }
}
