package org.skytools.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;

class SchemaVersionTest {

    @Test
    void componentsCompareAsNumbers() {
        assertThat(v("3.10").isNewerThan(v("3.9"))).isTrue();
        assertThat(v("3.5.3").isNewerThan(v("3.5.2"))).isTrue();
        assertThat(v("3.2.6").isOlderThan(v("3.5"))).isTrue();
        assertThat(v("10.0").isNewerThan(v("9.99.99"))).isTrue();
    }

    @Test
    void missingComponentsCountAsZero() {
        assertThat(v("3.1").compareTo(v("3.1.0"))).isZero();
        assertThat(v("3").isOlderThan(v("3.0.1"))).isTrue();
    }

    @Test
    void suffixesAfterTheDigitsAreIgnored() {
        assertThat(v("3.2.6-dev").compareTo(v("3.2.6"))).isZero();
        assertThat(v(" 3.5.3\n").text()).isEqualTo("3.5.3");
        assertThat(v("3.5.3").toString()).isEqualTo("3.5.3");
    }

    @Test
    void textWithoutNumbersIsRejected() {
        assertThatThrownBy(() -> v("abc"))
                .isInstanceOf(SkyToolsException.class)
                .hasMessage("cannot read schema version \"abc\"")
                .extracting(e -> ((SkyToolsException) e).kind())
                .isEqualTo(ErrorKind.SCHEMA_VERSION);
        assertThatThrownBy(() -> v("")).isInstanceOf(SkyToolsException.class);
        assertThatThrownBy(() -> v("3..1")).isInstanceOf(SkyToolsException.class);
    }

    private static SchemaVersion v(String text) {
        return SchemaVersion.valueOf(text);
    }
}
