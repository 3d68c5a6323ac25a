package org.skytools.common.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Sleeping keeps interrupts visible and ends early on loop requests. */
class SleeperTest {

    @Test
    void quietSleepRestoresTheInterruptFlag() {
        Thread.currentThread().interrupt();
        Sleeper.quietly(Duration.ofSeconds(30));
        assertThat(Thread.interrupted()).isTrue();
    }

    @Test
    void loopControlSleepEndsOnStopRequest() {
        LoopControl control = new LoopControl();
        control.requestStop();
        long start = System.nanoTime();
        control.sleep(Duration.ofSeconds(30));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(control.stopRequested()).isTrue();
    }

    @Test
    void loopControlSleepEndsOnReloadRequestWhichIsTakenOnce() {
        LoopControl control = new LoopControl();
        control.requestReload();
        control.sleep(Duration.ofSeconds(30));
        assertThat(control.takeReloadRequest()).isTrue();
        assertThat(control.takeReloadRequest()).isFalse();
    }

    @Test
    void loopControlSleepKeepsInterruptFlag() {
        LoopControl control = new LoopControl();
        Thread.currentThread().interrupt();
        control.sleep(Duration.ofSeconds(30));
        assertThat(Thread.interrupted()).isTrue();
    }
}
