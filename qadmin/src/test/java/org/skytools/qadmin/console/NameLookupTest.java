package org.skytools.qadmin.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameLookupTest {

    @Test
    void namesAreOfferedAsTheyMustBeTyped() {
        assertThat(NameLookup.typed("events")).isEqualTo("events");
        assertThat(NameLookup.typed("main.sub")).isEqualTo("main.sub");
        assertThat(NameLookup.typed("Events")).isEqualTo("\"Events\"");
        assertThat(NameLookup.typed("my-queue")).isEqualTo("\"my-queue\"");
        assertThat(NameLookup.typed("a\"b")).isEqualTo("\"a\"\"b\"");
    }
}
