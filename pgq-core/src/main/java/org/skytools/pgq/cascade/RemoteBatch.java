package org.skytools.pgq.cascade;

import java.sql.Connection;
import java.time.OffsetDateTime;
import org.skytools.pgq.Event;

/**
 * One provider batch as a cascaded worker hands it to {@link CascadedWorker#processRemoteBatch}.
 * The events can be iterated once and are read from the provider while iterated (bounded memory);
 * events of the cascade itself ({@code pgq.*}) are handled by the worker and not shown here.
 *
 * @param tickId the batch's end tick: the tick recorded as completed on this node
 * @param prevTickId the batch's start tick
 * @param tickEventSeq the provider's event sequence at the end tick, or null
 * @param nodeType the type of the node the worker maintains
 * @param provider the provider connection; its transaction stays open until the batch is finished
 */
public record RemoteBatch(
        long batchId,
        long tickId,
        long prevTickId,
        OffsetDateTime tickTime,
        OffsetDateTime prevTickTime,
        Long tickEventSeq,
        NodeType nodeType,
        Connection provider,
        Iterable<Event> events) {}
