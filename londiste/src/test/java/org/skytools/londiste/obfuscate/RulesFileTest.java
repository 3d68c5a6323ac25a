package org.skytools.londiste.obfuscate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.skytools.common.error.SkyToolsException;

/** The YAML of obfuscator_map files: what the rules need, and clear errors for the rest. */
class RulesFileTest {
    private static final Path FILE = Path.of("rules.yaml");

    @Test
    void readsNestedMappingsCommentsQuotesAndFlowMappings() {
        Map<String, Object> m = RulesFile.parse(
                FILE,
                """
                ---
                # the modern londiste's test map
                public.mytable:
                  id: keep
                  htext: hash    # a comment
                  'btext': "bool"
                  doc:
                    a: hash32
                    b: {c: keep, 'd': skip}
                    e: {}
                "public.other":
                    x: skip
                """);
        assertThat(m).containsOnlyKeys("public.mytable", "public.other");
        assertThat(m.get("public.mytable").toString())
                .isEqualTo("{id=keep, htext=hash, btext=bool, doc={a=hash32, b={c=keep, d=skip}, e={}}}");
        assertThat(m.get("public.other").toString()).isEqualTo("{x=skip}");
    }

    @Test
    void byteOrderMarkCommentsBeforeTheDocumentStartAndEscapesInDoubleQuotes() {
        Map<String, Object> m = RulesFile.parse(FILE, "\uFEFF# rules\n---\n\"caf\\u00e9.t\": {a: keep}\n");
        assertThat(m).containsOnlyKeys("caf\u00e9.t");
    }

    @Test
    void emptyFileIsNoRules() {
        assertThat(RulesFile.parse(FILE, "# nothing\n\n")).isEmpty();
    }

    @Test
    void refusesWhatTheRulesCannotBeWithFileAndLine() {
        assertThatThrownBy(() -> RulesFile.parse(FILE, "t:\n  - keep\n"))
                .isInstanceOf(SkyToolsException.class)
                .hasMessage("obfuscator_map rules.yaml line 2: lists are not rules; write key: action");
        assertThatThrownBy(() -> RulesFile.parse(FILE, "t:\n  a: keep\n    b: keep\n"))
                .hasMessage("obfuscator_map rules.yaml line 3: unexpected indentation");
        assertThatThrownBy(() -> RulesFile.parse(FILE, "t:\n"))
                .hasMessage("obfuscator_map rules.yaml line 1: \"t\" has no value");
        assertThatThrownBy(() -> RulesFile.parse(FILE, "t:\n  a keep\n"))
                .hasMessage("obfuscator_map rules.yaml line 2: expected \"key: value\" or \"key:\"");
        assertThatThrownBy(() -> RulesFile.parse(FILE, "t:\n  a: 'keep\n"))
                .hasMessage("obfuscator_map rules.yaml line 2: unterminated quoted string");
        assertThatThrownBy(() -> RulesFile.parse(FILE, "t: {a: keep, b: }\n"))
                .hasMessage("obfuscator_map rules.yaml line 1: a key has no value");
        assertThatThrownBy(() -> RulesFile.parse(FILE, "t:\n  a: &x keep\n"))
                .hasMessageContaining("line 2: \"&x keep\" is not a rule");
    }

    @Test
    void missingFileNamesIt() {
        assertThatThrownBy(() -> RulesFile.read(Path.of("/nonexistent/rules.yaml")))
                .isInstanceOf(SkyToolsException.class)
                .hasMessageStartingWith("cannot read obfuscator_map file /nonexistent/rules.yaml");
    }
}
