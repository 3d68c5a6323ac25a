package org.skytools.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SqlRetryTest {
    @Test
    void delayIsLinearAndCapped() {
        SqlRetry.Settings s = new SqlRetry.Settings(
                true,
                10,
                Duration.ofSeconds(300),
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                Duration.ofSeconds(12));
        assertThat(s.delay(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.delay(1)).isEqualTo(Duration.ofSeconds(6));
        assertThat(s.delay(2)).isEqualTo(Duration.ofSeconds(11));
        assertThat(s.delay(3)).isEqualTo(Duration.ofSeconds(12));
    }
}
