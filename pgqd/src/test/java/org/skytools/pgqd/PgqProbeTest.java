package org.skytools.pgqd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PgqProbeTest {

    @Test
    void t2_theVersionIsCheckedByItsFirstCharacterAsTheCPgqdDid() {
        assertThat(PgqProbe.versionAccepted("3.5.3")).isTrue();
        assertThat(PgqProbe.versionAccepted("3")).isTrue();
        assertThat(PgqProbe.versionAccepted("4.0")).isTrue();
        assertThat(PgqProbe.versionAccepted("2.1.13")).isFalse();
        // a plain character compare: a two-digit major is refused, as in the original
        assertThat(PgqProbe.versionAccepted("10.0")).isFalse();
        assertThat(PgqProbe.versionAccepted("")).isFalse();
        assertThat(PgqProbe.versionAccepted(null)).isFalse();
    }
}
