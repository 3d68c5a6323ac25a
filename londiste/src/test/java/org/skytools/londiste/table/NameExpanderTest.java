package org.skytools.londiste.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.skytools.common.error.SkyToolsException;

class NameExpanderTest {
    private static final List<String> MISSING = List.of("public.a1", "public.a2", "public.b", "s.a3");
    private static final List<String> DONE = List.of("public.c");

    @Test
    void namesAreQualifiedAndGlobsMatchCandidates() {
        NameExpander.Expansion e = NameExpander.expand("table", List.of("a*", "s.a?", "b", "b"), MISSING, DONE, false);
        assertThat(e.names()).containsExactly("public.a1", "public.a2", "s.a3", "public.b");
        assertThat(e.alreadyDone()).isEmpty();
    }

    @Test
    void alreadyLocalNameIsReportedNotAdded() {
        NameExpander.Expansion e = NameExpander.expand("table", List.of("c", "b"), MISSING, DONE, false);
        assertThat(e.names()).containsExactly("public.b");
        assertThat(e.alreadyDone()).containsExactly("public.c");
    }

    @Test
    void unknownNameIsAnErrorUnlessAllowed() {
        assertThatThrownBy(() -> NameExpander.expand("table", List.of("nosuch", "b"), MISSING, DONE, false))
                .isInstanceOf(SkyToolsException.class)
                .hasMessage(
                        "table \"public.nosuch\" not available on this node; see the \"missing\" command, or use --force");
        assertThat(NameExpander.expand("table", List.of("nosuch"), MISSING, DONE, true)
                        .names())
                .containsExactly("public.nosuch");
    }

    @Test
    void globDotIsLiteral() {
        assertThat(NameExpander.globPattern("public.a*").matcher("publicXa1").matches())
                .isFalse();
        assertThat(NameExpander.globPattern("public.a*").matcher("public.a1").matches())
                .isTrue();
    }
}
