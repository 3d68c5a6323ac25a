package org.skytools.pgq.cascade;

/**
 * One member of a cascade, a row of {@code pgq_node.get_queue_locations}.
 *
 * @param location libpq connect string other nodes use to reach the node
 * @param dead whether the node was tagged dead
 */
public record NodeLocation(String nodeName, String location, boolean dead) {}
