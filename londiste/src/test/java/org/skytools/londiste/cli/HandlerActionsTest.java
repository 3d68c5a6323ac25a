package org.skytools.londiste.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skytools.common.error.SkyToolsException;

class HandlerActionsTest {
    private static String show(String... names) {
        StringWriter out = new StringWriter();
        try (PrintWriter w = new PrintWriter(out)) {
            HandlerActions.print(w, List.of(names));
        }
        return out.toString();
    }

    @Test
    void showHandlersListsEveryHandlerWithItsFirstLine() {
        String all = show();
        assertThat(all.lines())
                .contains("bulk - Instead of sending each event separately, apply them in bulk")
                .anyMatch(l -> l.startsWith("londiste - Default Londiste handler"))
                .anyMatch(l -> l.startsWith("vtable - "))
                .anyMatch(l -> l.startsWith("qtable - "))
                .anyMatch(l -> l.startsWith("applyfn - "))
                .anyMatch(l -> l.startsWith("multimaster - "));
    }

    @Test
    void showHandlersWithNamesAddsTheirParametersAndRefusesUnknownOnes() {
        assertThat(show("applyfn", "vtable").lines())
                .containsExactly(
                        "applyfn - Call db function to apply event",
                        "  Parameters: func_conf, func_name",
                        "vtable - Virtual table: events are ignored, no table needed");
        assertThatThrownBy(() -> show("bulk", "nosuch"))
                .isInstanceOf(SkyToolsException.class)
                .hasMessageContaining("unknown handler \"nosuch\"");
    }
}
