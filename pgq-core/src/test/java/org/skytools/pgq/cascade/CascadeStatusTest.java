package org.skytools.pgq.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CascadeStatusTest {
    private static NodeInfo node(
            String name, NodeType type, String provider, String worker, long tick, boolean paused) {
        return new NodeInfo(
                "q", type, name, 1L, 1L, provider, null, null, null, worker, paused, true, tick, null, List.of());
    }

    private static CascadeStatus.Seen seen(NodeInfo info, Map<String, Duration> lags, Duration tickerLag) {
        return new CascadeStatus.Seen(info, lags, tickerLag, List.of(), List.of());
    }

    /** root with branch1 (with leaf1 under it) and branch2; seen in no particular order. */
    private static Map<String, CascadeStatus.Seen> cascade() {
        Map<String, CascadeStatus.Seen> seen = new LinkedHashMap<>();
        seen.put("leaf1", seen(node("leaf1", NodeType.LEAF, "branch1", "w3", 11, true), Map.of(), null));
        seen.put(
                "root",
                seen(
                        node("root", NodeType.ROOT, "root", "w1", 12, false),
                        Map.of("w2", Duration.ofSeconds(3), "w4", Duration.ofSeconds(75)),
                        Duration.ofSeconds(1)));
        seen.put(
                "branch1",
                seen(
                        node("branch1", NodeType.BRANCH, "root", "w2", 12, false),
                        Map.of("w3", Duration.ofSeconds(4)),
                        null));
        seen.put("branch2", seen(node("branch2", NodeType.BRANCH, "root", "w4", 10, false), Map.of(), null));
        return seen;
    }

    private static final Map<String, String> FAILED = Map.of("gone", "cannot reach node \"gone\": connection refused");

    @Test
    void treeShowsEveryNodeUnderItsProviderWithLagTickAndFlags() {
        String text = new CascadeStatus(null, "q", StatusExtra.NONE).render("branch1", cascade(), FAILED);

        assertThat(text)
                .isEqualTo(
                        """
                Queue: q   Local node: branch1

                root (root)
                  |  Lag: 1s, Tick: 12
                  +--: branch1 (branch)
                  |    |  Lag: 3s, Tick: 12
                  |    +--: leaf1 (leaf)
                  |            Lag: 4s, Tick: 11, PAUSED
                  +--: branch2 (branch)
                          Lag: 1m15s, Tick: 10
                gone (unknown)
                    ERR: cannot reach node "gone": connection refused
                """);
    }

    @Test
    void compactTreeGivesEachNodeOneLineWithItsInfoInAColumn() {
        Map<String, CascadeStatus.Seen> seen = cascade();
        CascadeStatus.Seen root = seen.get("root");
        seen.put(
                "root",
                new CascadeStatus.Seen(
                        root.info(), root.consumerLags(), root.tickerLag(), List.of(), List.of("Tables: 2/0/0")));

        String text = new CascadeStatus(null, "q", StatusExtra.NONE, true).render("branch1", seen, FAILED);

        assertThat(text)
                .isEqualTo(
                        """
                Queue: q   Local node: branch1

                root (root)                                                 Tables: 2/0/0                 Lag: 1s, Tick: 12
                   branch1 (branch)                                         Lag: 3s, Tick: 12
                      leaf1 (leaf)                                          Lag: 4s, Tick: 11, PAUSED
                   branch2 (branch)                                         Lag: 1m15s, Tick: 10
                gone (unknown)                                              ERR: cannot reach node "gone": connection refused
                """);
    }

    @Test
    void compactColumnsKeepABlankBetweenThemWhenAValueFillsItsColumn() {
        Map<String, CascadeStatus.Seen> seen = new LinkedHashMap<>();
        seen.put(
                "root",
                new CascadeStatus.Seen(
                        node("root", NodeType.ROOT, "root", "w1", 12, false),
                        Map.of(),
                        Duration.ofSeconds(1),
                        List.of(),
                        List.of("Tables: 1234567/1234567/1234567/1")));

        String text = new CascadeStatus(null, "q", StatusExtra.NONE, true).render("root", seen, Map.of());

        assertThat(text.lines().toList().get(2))
                .isEqualTo("root (root)" + " ".repeat(49) + "Tables: 1234567/1234567/1234567/1 Lag: 1s, Tick: 12");
    }
}
