package org.skytools.pgq.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CopyTextRowTest {

    private static String[] fields(String row, int count) {
        return CopyTextRow.fields(row.getBytes(StandardCharsets.UTF_8), count);
    }

    @Test
    void splitsAtTabsAndReadsBackslashNAsNull() {
        assertThat(fields("1\t\\N\t\tx y\n", 4)).containsExactly("1", null, "", "x y");
    }

    @Test
    void decodesTheEscapesCopyWrites() {
        assertThat(fields("a\\tb\t\\n\\r\\\\\t\\b\\f\\v\n", 3)).containsExactly("a\tb", "\n\r\\", "\b\f\u000b");
    }

    @Test
    void anyOtherEscapedCharacterStandsForItself() {
        assertThat(fields("a\\\tb\t\\x41\n", 2)).containsExactly("a\tb", "x41");
    }

    @Test
    void keepsMultiByteCharactersAroundEscapes() {
        assertThat(fields("ü\\t€\t😀\\\\漢\n", 2)).containsExactly("ü\t€", "😀\\漢");
    }

    @Test
    void aLoneBackslashAtTheEndIsKept() {
        assertThat(fields("a\tb\\", 2)).containsExactly("a", "b\\");
    }

    @Test
    void rejectsARowWithAnotherNumberOfFields() {
        assertThatThrownBy(() -> fields("1\t2\n", 3)).hasMessageContaining("2 fields, expected 3");
        assertThatThrownBy(() -> fields("1\t2\t3\n", 2)).hasMessageContaining("more than 2");
    }
}
