package org.skytools.pgq;

import java.time.Duration;
import java.time.OffsetDateTime;

/** One open batch as described by {@code pgq.get_batch_info}; {@code lag} is now minus the end tick time. */
public record BatchInfo(
        String queueName,
        String consumerName,
        OffsetDateTime batchStart,
        OffsetDateTime batchEnd,
        long prevTickId,
        long tickId,
        Duration lag,
        Long seqStart,
        Long seqEnd) {}
