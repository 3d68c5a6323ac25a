package org.skytools.pgq;

import java.time.Duration;

/**
 * One row of {@code pgq.get_consumer_info}: a consumer's position on a queue. {@code currentBatch}
 * and {@code nextTick} are null when no batch is open; {@code pendingEvents} is an estimate.
 */
public record ConsumerInfo(
        String queueName,
        String consumerName,
        Duration lag,
        Duration lastSeen,
        Long lastTick,
        Long currentBatch,
        Long nextTick,
        Long pendingEvents) {}
