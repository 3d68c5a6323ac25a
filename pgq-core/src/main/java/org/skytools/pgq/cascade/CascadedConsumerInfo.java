package org.skytools.pgq.cascade;

/**
 * A cascaded consumer working on the local node (the node's worker or a plain one), a row of
 * {@code pgq_node.get_consumer_info}.
 *
 * @param lastTickId last tick completed into this database
 * @param curError why the current batch failed, or null
 */
public record CascadedConsumerInfo(
        String consumerName, String providerNode, Long lastTickId, boolean paused, boolean uptodate, String curError) {}
