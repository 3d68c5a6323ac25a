package org.skytools.pgq.cascade;

import java.util.Objects;

/**
 * What {@code create-root}, {@code create-branch} and {@code create-leaf} need.
 *
 * @param nodeName name of the new node, unique in the cascade
 * @param publicConnstr connect string other nodes use to reach this node
 * @param providerConnstr connect string of the provider (branch and leaf), else null
 * @param workerName consumer name of the node's worker (londiste: the job name)
 * @param syncWatermark {@code --sync-watermark} node list (branch only), or null
 * @param combinedQueue {@code --merge} queue (leaf only), or null
 * @param checkLocation whether to verify that the public connect string reaches this database
 */
public record NodeSetup(
        String nodeName,
        String publicConnstr,
        String providerConnstr,
        String workerName,
        String syncWatermark,
        String combinedQueue,
        boolean checkLocation) {

    public NodeSetup {
        Objects.requireNonNull(workerName, "workerName");
    }

    /** A setup without sync-watermark or merge, with the public location checked. */
    public static NodeSetup of(String nodeName, String publicConnstr, String providerConnstr, String workerName) {
        return new NodeSetup(nodeName, publicConnstr, providerConnstr, workerName, null, null, true);
    }
}
