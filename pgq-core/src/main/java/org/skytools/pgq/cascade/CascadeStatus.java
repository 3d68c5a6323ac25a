package org.skytools.pgq.cascade;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.skytools.pgq.ConsumerInfo;
import org.skytools.pgq.PgqClient;
import org.skytools.pgq.QueueInfo;

/**
 * The {@code status} tree: every live member is asked for its node info; a node's lag is its
 * worker's lag on its provider's queue (on the root, the queue's ticker lag). Unreachable nodes
 * are listed with the reason.
 */
final class CascadeStatus {
    private final NodeConnector connector;
    private final String queue;
    private final StatusExtra extra;
    private final boolean compact;

    /** What was read from one node: its info, the lags of its queue's consumers, its own lines. */
    record Seen(
            NodeInfo info,
            Map<String, Duration> consumerLags,
            Duration tickerLag,
            List<CascadedConsumerInfo> consumers,
            List<String> extra) {}

    CascadeStatus(NodeConnector connector, String queue, StatusExtra extra) {
        this(connector, queue, extra, false);
    }

    /**
     * With {@code compact} ({@code status --compact}), each node takes one line: its name and type
     * in a column of 60 characters less the indent, then its info lines in columns of 30.
     */
    CascadeStatus(NodeConnector connector, String queue, StatusExtra extra, boolean compact) {
        this.connector = connector;
        this.queue = queue;
        this.extra = extra;
        this.compact = compact;
    }

    String render(NodeInfo me, List<NodeLocation> members) {
        return render(me, members, Set.of());
    }

    /** As {@link #render(NodeInfo, List)}, not connecting to the nodes in {@code dead} ({@code --dead}). */
    String render(NodeInfo me, List<NodeLocation> members, Set<String> dead) {
        Map<String, Seen> seen = new LinkedHashMap<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (NodeLocation m : members) {
            if (m.dead()) {
                failed.put(m.nodeName(), "tagged dead");
                continue;
            }
            if (dead.contains(m.nodeName())) {
                failed.put(m.nodeName(), "treated as dead (--dead)");
                continue;
            }
            try (Connection c = CascadeAdmin.open(connector, m.location(), "node \"" + m.nodeName() + "\"")) {
                seen.put(m.nodeName(), load(c));
            } catch (RuntimeException | SQLException e) {
                failed.put(m.nodeName(), e.getMessage());
            }
        }
        return render(me.nodeName(), seen, failed);
    }

    /** The tree text from what was read ({@code seen}) and the nodes that could not be read. */
    String render(String localNode, Map<String, Seen> seen, Map<String, String> failed) {
        Map<String, List<String>> children = new HashMap<>();
        String root = null;
        for (Seen s : seen.values()) {
            if (s.info().isRoot()) {
                root = s.info().nodeName();
            } else {
                children.computeIfAbsent(s.info().providerNode(), k -> new ArrayList<>())
                        .add(s.info().nodeName());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("Queue: ")
                .append(queue)
                .append("   Local node: ")
                .append(localNode)
                .append("\n\n");
        List<String> printed = new ArrayList<>();
        if (root != null) {
            tree(out, root, "", true, true, seen, children, printed);
        }
        for (Seen s : seen.values()) {
            if (!printed.contains(s.info().nodeName())) {
                tree(out, s.info().nodeName(), "", true, true, seen, children, printed);
            }
        }
        for (Map.Entry<String, String> f : failed.entrySet()) {
            if (compact) {
                out.append(compactLine("", f.getKey() + " (unknown)", List.of("ERR: " + f.getValue())));
                continue;
            }
            out.append(f.getKey())
                    .append(" (unknown)\n    ERR: ")
                    .append(f.getValue())
                    .append('\n');
        }
        return out.toString();
    }

    private void tree(
            StringBuilder out,
            String name,
            String prefix,
            boolean last,
            boolean top,
            Map<String, Seen> seen,
            Map<String, List<String>> children,
            List<String> printed) {
        if (printed.contains(name)) {
            return;
        }
        printed.add(name);
        Seen s = seen.get(name);
        List<String> kids = new ArrayList<>(children.getOrDefault(name, List.of()));
        kids.sort(String::compareTo);
        Duration lag = s.info().isRoot() ? s.tickerLag() : providerLag(s, seen);
        List<String> lines = new ArrayList<>(s.extra());
        lines.addAll(infoLines(s.info(), lag, s.consumers()));
        String title = name + " (" + s.info().nodeType().sqlName() + ")";
        if (compact) {
            out.append(compactLine(prefix, title, lines));
            for (String kid : kids) {
                if (seen.containsKey(kid)) {
                    tree(out, kid, prefix + "   ", true, false, seen, children, printed);
                }
            }
            return;
        }
        String childPrefix = top ? prefix + "  " : prefix + (last ? "     " : "|    ");
        out.append(prefix).append(top ? "" : "+--: ").append(title).append('\n');
        String infoPrefix = childPrefix + (kids.isEmpty() ? " " : "|") + "  ";
        for (String line : lines) {
            out.append(infoPrefix).append(line).append('\n');
        }
        for (int i = 0; i < kids.size(); i++) {
            if (seen.containsKey(kids.get(i))) {
                tree(out, kids.get(i), childPrefix, i == kids.size() - 1, false, seen, children, printed);
            }
        }
    }

    /** One node on one line: the indented title in 60 columns, each info line in 30. */
    private static String compactLine(String prefix, String title, List<String> lines) {
        StringBuilder l = new StringBuilder(prefix).append(pad(title, 60 - prefix.length()));
        for (String line : lines) {
            l.append(pad(line, 30));
        }
        return l.toString().stripTrailing() + "\n";
    }

    // at least one blank between columns, even when a value fills its column
    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(1, width - s.length()));
    }

    private static Duration providerLag(Seen s, Map<String, Seen> seen) {
        Seen p = seen.get(s.info().providerNode());
        return p == null ? null : p.consumerLags().get(s.info().workerName());
    }

    /** The info lines of a node: lag and tick with flags, node attributes, consumer errors. */
    static List<String> infoLines(NodeInfo n, Duration lag, List<CascadedConsumerInfo> consumers) {
        List<String> lines = new ArrayList<>();
        StringBuilder l = new StringBuilder();
        l.append("Lag: ")
                .append(lag == null ? "?" : formatLag(lag))
                .append(", Tick: ")
                .append(n.workerLastTick());
        if (n.workerPaused()) {
            l.append(", PAUSED");
        }
        if (!n.workerUptodate()) {
            l.append(", NOT UPTODATE");
        }
        lines.add(l.toString());
        if (n.nodeAttrs() != null && !n.nodeAttrs().isEmpty()) {
            lines.add("Attrs: " + n.nodeAttrs());
        }
        for (CascadedConsumerInfo c : consumers) {
            if (c.curError() != null) {
                lines.add("ERR: " + c.consumerName() + ": " + c.curError());
            }
        }
        return lines;
    }

    static String formatLag(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + (s % 60) + "s";
        }
        return (s / 3600) + "h" + ((s % 3600) / 60) + "m";
    }

    private Seen load(Connection c) throws SQLException {
        PgqNodeClient node = new PgqNodeClient(c);
        NodeInfo info = node.getNodeInfo(queue).orElseThrow(() -> new SQLException("no node for queue " + queue));
        Map<String, Duration> lags = new HashMap<>();
        Duration tickerLag = null;
        if (info.nodeType().hasQueue()) {
            PgqClient pgq = new PgqClient(c);
            for (ConsumerInfo ci : pgq.getConsumerInfo(queue)) {
                lags.put(ci.consumerName(), ci.lag());
            }
            tickerLag = pgq.getQueueInfo(queue).map(QueueInfo::tickerLag).orElse(null);
        }
        return new Seen(info, lags, tickerLag, node.getConsumerInfo(queue), extra.lines(c, info));
    }
}
