package org.skytools.londiste.obfuscate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** {@link Blake2s} against RFC 7693's vector and digests of Python's hashlib.blake2s. */
class Blake2sTest {
    private static String hex(String data, int size, String key) {
        return HexFormat.of()
                .formatHex(Blake2s.digest(
                        data.getBytes(StandardCharsets.UTF_8), size, key.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void rfc7693AppendixBVector() {
        assertThat(hex("abc", 32, "")).isEqualTo("508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982");
    }

    @Test
    void keyedShortDigestsAsPythonMakesThem() {
        assertThat(hex("hdata1", 4, "123")).isEqualTo("6e09fbe6");
        assertThat(hex("", 4, "123")).isEqualTo("5073461e");
        assertThat(hex("ü😀", 4, "123")).isEqualTo("adea5d40");
        assertThat(hex("x".repeat(100), 4, "123")).isEqualTo("f1343ab3");
    }

    @Test
    void blockBoundariesWithAndWithoutKey() {
        // exactly one block of data, unkeyed and keyed; several blocks with the longest key; empty keyed
        assertThat(hex("x".repeat(64), 32, ""))
                .isEqualTo("c13eb20b85b1d6a72d52af717429fc54eacc63fecde1295b26f0fa251bdcf40e");
        assertThat(hex("x".repeat(64), 32, "kk"))
                .isEqualTo("2ad2e2269608d6153cd222cd7557fdbf06f053bc0dd7362996891543494c2172");
        assertThat(hex("x".repeat(200), 32, "k".repeat(32)))
                .isEqualTo("5ee9226051907bd9119f598c4a8a1d3f9a2d47831aa75565ff54bc453afd0b00");
        assertThat(hex("", 32, "kk")).isEqualTo("4eb2862a39dd4c16fd38b6f11c13514a0846a3b145806d9482a53e96ff7361bb");
    }

    @Test
    void refusesKeysAndSizesBlake2sDoesNotTake() {
        assertThatThrownBy(() -> Blake2s.digest(new byte[0], 33, new byte[0])).hasMessageContaining("1 to 32");
        assertThatThrownBy(() -> Blake2s.digest(new byte[0], 4, new byte[33])).hasMessageContaining("at most 32");
    }
}
