package org.skytools.pgq.cascade;

import java.util.List;

/**
 * The local node of a cascaded queue, as {@code pgq_node.get_node_info} returns it.
 *
 * @param globalWatermark lowest tick the whole cascade still needs (root and branch)
 * @param localWatermark lowest tick this node and its subscribers need; on a leaf its worker's position
 * @param workerLastTick last tick the worker completed; on the root the queue's latest tick
 * @param nodeAttrs urlencoded node attributes such as {@code sync_watermark=n1,n2}, or null
 * @param targetFor local queues whose combined queue is this one
 */
public record NodeInfo(
        String queueName,
        NodeType nodeType,
        String nodeName,
        Long globalWatermark,
        Long localWatermark,
        String providerNode,
        String providerLocation,
        String combinedQueue,
        NodeType combinedType,
        String workerName,
        boolean workerPaused,
        boolean workerUptodate,
        Long workerLastTick,
        String nodeAttrs,
        List<String> targetFor) {

    public NodeInfo {
        targetFor = targetFor == null ? List.of() : List.copyOf(targetFor);
    }

    /** Whether the node is the root of its cascade. */
    public boolean isRoot() {
        return nodeType == NodeType.ROOT;
    }
}
