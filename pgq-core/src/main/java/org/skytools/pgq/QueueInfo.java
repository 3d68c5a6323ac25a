package org.skytools.pgq;

import java.time.Duration;
import java.time.OffsetDateTime;

/** One row of {@code pgq.get_queue_info}: a queue's settings, rotation state and ticker lag. */
public record QueueInfo(
        String queueName,
        int ntables,
        int curTable,
        Duration rotationPeriod,
        OffsetDateTime switchTime,
        boolean externalTicker,
        boolean tickerPaused,
        int tickerMaxCount,
        Duration tickerMaxLag,
        Duration tickerIdlePeriod,
        Duration tickerLag,
        Double eventsPerSecond,
        Long newEvents,
        Long lastTickId) {}
