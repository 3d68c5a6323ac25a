package org.skytools.londiste.obfuscate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The expected texts are what Python 3.11's {@code json.dumps(json.loads(text))} and {@code repr} print. */
class PythonNumberTest {

    @Test
    void dumpsAsPythonAfterJsonLoads() {
        String[][] cases = {
            {"1.50", "1.5"},
            {"1E2", "100.0"},
            {"0.00001", "1e-05"},
            {"0.0001", "0.0001"},
            {"1e16", "1e+16"},
            {"1e15", "1000000000000000.0"},
            {"123456789012345678901234.5", "1.2345678901234569e+23"},
            {"-0.0", "-0.0"},
            {"0.1", "0.1"},
            {"2.5e-7", "2.5e-07"},
            {"1.7976931348623157e308", "1.7976931348623157e+308"},
            {"5e-324", "5e-324"},
            {"-12.340", "-12.34"},
            {"100", "100"},
            {"-0", "0"},
            {"3.141592653589793238", "3.141592653589793"},
            {"1e400", "Infinity"},
            {"9007199254740993.0", "9007199254740992.0"},
            {"0.30000000000000004", "0.30000000000000004"},
            {"1e22", "1e+22"},
            {"1e23", "1e+23"},
            {"123456789012345678901234567890", "123456789012345678901234567890"},
        };
        for (String[] c : cases) {
            assertThat(PythonNumber.dumps(c[0])).as(c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void reprAndTruthAsPython() {
        assertThat(PythonNumber.repr("1e400")).isEqualTo("inf");
        assertThat(PythonNumber.repr("1.50")).isEqualTo("1.5");
        assertThat(PythonNumber.repr("42")).isEqualTo("42");
        assertThat(PythonNumber.truthy("1e-400")).isFalse();
        assertThat(PythonNumber.truthy("-0.0")).isFalse();
        assertThat(PythonNumber.truthy("0")).isFalse();
        assertThat(PythonNumber.truthy("0.5")).isTrue();
    }
}
