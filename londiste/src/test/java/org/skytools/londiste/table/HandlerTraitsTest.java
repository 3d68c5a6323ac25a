package org.skytools.londiste.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skytools.common.error.SkyToolsException;

class HandlerTraitsTest {
    @Test
    void handlerStringIsNameWithUrlencodedArgs() {
        assertThat(HandlerTraits.handlerString("bulk", List.of())).isEqualTo("bulk");
        assertThat(HandlerTraits.handlerString("shard", List.of("key=id", "hashfunc = a b")))
                .isEqualTo("shard(key=id&hashfunc=a+b)");
        assertThatThrownBy(() -> HandlerTraits.handlerString("shard", List.of("key=a", "key=b")))
                .isInstanceOf(SkyToolsException.class)
                .hasMessageContaining("\"key\"");
    }

    @Test
    void l15_virtualHandlersNeedNoTableAndMarkVirtual() {
        assertThat(HandlerTraits.needsTable(null)).isTrue();
        assertThat(HandlerTraits.needsTable("vtable")).isFalse();
        assertThat(HandlerTraits.needsTable("qtable")).isFalse();
        List<String> args = new ArrayList<>();
        HandlerTraits.addTriggerArgs("vtable", args);
        assertThat(args).containsExactly("virtual_table");
        args.clear();
        HandlerTraits.addTriggerArgs("qtable", args);
        assertThat(args).containsExactly("tgflags=BI", "SKIP", "expect_sync");
    }
}
