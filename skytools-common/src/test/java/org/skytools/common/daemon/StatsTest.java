package org.skytools.common.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The SkyTools stats line. */
class StatsTest {

    @Test
    void rendersInInsertionOrderWithRoundedDecimals() {
        Stats stats = new Stats();
        stats.increase("count", 2);
        stats.put("duration", 0.0123456);
        stats.increase("count");
        stats.put("lag", 3.0);
        assertThat(stats.render()).isEqualTo("{count: 3, duration: 0.0123, lag: 3.0}");
        stats.clear();
        assertThat(stats.isEmpty()).isTrue();
        assertThat(stats.render()).isEqualTo("{}");
    }
}
