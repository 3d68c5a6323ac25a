package org.skytools.common.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SIGHUP reloads, SIGINT stops gracefully (twice within 1 s exits), SIGTERM exits. */
class SignalHandlersTest {
    private final LoopControl control = new LoopControl();
    private final MutableClock clock = new MutableClock();
    private final List<Integer> exits = new ArrayList<>();
    private final SignalHandlers handlers = new SignalHandlers(control, clock, exits::add);

    @Test
    void hupRequestsReload() {
        handlers.onHup();
        assertThat(control.takeReloadRequest()).isTrue();
        assertThat(control.stopRequested()).isFalse();
    }

    @Test
    void intRequestsGracefulStop() {
        handlers.onInt();
        assertThat(control.stopRequested()).isTrue();
        assertThat(exits).isEmpty();
    }

    @Test
    void secondIntWithinOneSecondExitsNow() {
        handlers.onInt();
        clock.advance(Duration.ofMillis(900));
        handlers.onInt();
        assertThat(exits).containsExactly(1);
    }

    @Test
    void intsFurtherApartOnlyStop() {
        handlers.onInt();
        clock.advance(Duration.ofMillis(1500));
        handlers.onInt();
        assertThat(exits).isEmpty();
    }

    @Test
    void termExitsNowWith143() {
        handlers.onTerm();
        assertThat(exits).containsExactly(143);
    }
}
