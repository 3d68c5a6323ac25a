package org.skytools.pgq.cascade;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.skytools.pgq.ConsumerInfo;
import org.skytools.pgq.PgqClient;

/**
 * {@code show-consumers}: the consumers of a node's queue as a table, the PgQ view (lag, last
 * seen, last tick, pending events) joined with the cascade's (provider, paused, up to date,
 * error) for the consumers the cascade knows.
 */
final class ConsumerListing {
    private static final String FORMAT = "%-30s %-12s %-12s %10s %10s %-15s %s%n";

    private ConsumerListing() {}

    static String of(Connection node, String queue, String nodeName) throws SQLException {
        Map<String, CascadedConsumerInfo> cascaded = new PgqNodeClient(node)
                .getConsumerInfo(queue).stream()
                        .collect(Collectors.toMap(
                                CascadedConsumerInfo::consumerName,
                                Function.identity(),
                                (a, b) -> a,
                                LinkedHashMap::new));
        StringBuilder out = new StringBuilder();
        out.append(String.format("Consumers of queue \"%s\" on node \"%s\":%n", queue, nodeName));
        out.append(String.format(
                FORMAT, "consumer_name", "lag", "last_seen", "last_tick", "pending", "provider", "state"));
        for (ConsumerInfo c : new PgqClient(node).getConsumerInfo(queue)) {
            CascadedConsumerInfo k = cascaded.remove(c.consumerName());
            out.append(String.format(
                    FORMAT,
                    c.consumerName(),
                    seconds(c.lag()),
                    seconds(c.lastSeen()),
                    text(c.lastTick()),
                    text(c.pendingEvents()),
                    k == null ? "" : k.providerNode(),
                    k == null ? "" : state(k)));
        }
        // the cascade's consumers that read from the provider (a leaf's worker) have no pgq row here
        for (CascadedConsumerInfo k : cascaded.values()) {
            out.append(String.format(
                    FORMAT, k.consumerName(), "", "", text(k.lastTickId()), "", k.providerNode(), state(k)));
        }
        return out.toString();
    }

    private static String text(Object v) {
        return v == null ? "" : v.toString();
    }

    private static String seconds(Duration d) {
        return d == null ? "" : String.format("%.1f s", d.toMillis() / 1000.0);
    }

    private static String state(CascadedConsumerInfo k) {
        String s = k.paused() ? "paused" : "active";
        if (!k.uptodate()) {
            s += ", not up to date";
        }
        if (k.curError() != null) {
            s += ", error: " + k.curError();
        }
        return s;
    }
}
