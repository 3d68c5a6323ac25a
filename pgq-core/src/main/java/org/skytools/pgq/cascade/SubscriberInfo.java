package org.skytools.pgq.cascade;

/**
 * A node that reads from the local node, a row of {@code pgq_node.get_subscriber_info}.
 *
 * @param watermark position of the subscriber's {@code .<node>.watermark} consumer, or null
 */
public record SubscriberInfo(String nodeName, String workerName, Long watermark) {}
