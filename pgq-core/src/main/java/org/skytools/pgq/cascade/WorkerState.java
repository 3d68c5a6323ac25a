package org.skytools.pgq.cascade;

/**
 * What the worker of the local node needs at the start of a batch, from
 * {@code pgq_node.get_worker_state}.
 *
 * @param completedTick last tick the worker committed into this database
 * @param localQueueTop latest tick of the local queue (root and branch), or null
 */
public record WorkerState(
        NodeType nodeType,
        String nodeName,
        Long completedTick,
        String providerNode,
        String providerLocation,
        boolean paused,
        boolean uptodate,
        String curError,
        String workerName,
        Long globalWatermark,
        Long localWatermark,
        Long localQueueTop,
        String combinedQueue,
        NodeType combinedType) {}
