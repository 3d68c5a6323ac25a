package org.skytools.walmgr.cli;

import org.skytools.walmgr.config.WalmgrKey;

/** {@code --ini}: a sample config listing every key with its default and meaning. */
final class SampleConfig {
    private SampleConfig() {}

    static String text() {
        StringBuilder sb = new StringBuilder("[walmgr]\n");
        for (WalmgrKey.Side side : WalmgrKey.Side.values()) {
            sb.append("\n## ")
                    .append(
                            switch (side) {
                                case BOTH -> "both nodes";
                                case MASTER -> "master (a config with master_data is a master config)";
                                case SLAVE -> "slave";
                            })
                    .append('\n');
            for (WalmgrKey k : WalmgrKey.values()) {
                if (k.side() != side) {
                    continue;
                }
                sb.append("\n# ").append(k.description()).append('\n');
                String def = k.defaultValue();
                sb.append(def == null || def.isEmpty() ? "#" : "")
                        .append(k.key())
                        .append(" = ");
                sb.append(def == null ? "" : def).append('\n');
            }
        }
        return sb.toString();
    }
}
