package org.skytools.pgq.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PgTimestampsTest {
    @Test
    void parsesServerIsoTextWithShortOffset() {
        assertThat(PgTimestamps.parse("2024-05-01 12:30:00.123456+02"))
                .isEqualTo(OffsetDateTime.of(2024, 5, 1, 12, 30, 0, 123_456_000, ZoneOffset.ofHours(2)));
    }

    @Test
    void parsesWithoutFractionAndWithMinuteOffset() {
        assertThat(PgTimestamps.parse("2024-05-01 12:30:00+05:30"))
                .isEqualTo(OffsetDateTime.of(2024, 5, 1, 12, 30, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)));
        assertThat(PgTimestamps.parse("2024-05-01 12:30:00.5-03"))
                .isEqualTo(OffsetDateTime.of(2024, 5, 1, 12, 30, 0, 500_000_000, ZoneOffset.ofHours(-3)));
    }

    @Test
    void nullAndInfinity() {
        assertThat(PgTimestamps.parse(null)).isNull();
        assertThat(PgTimestamps.parse("infinity")).isEqualTo(OffsetDateTime.MAX);
        assertThat(PgTimestamps.parse("-infinity")).isEqualTo(OffsetDateTime.MIN);
    }
}
