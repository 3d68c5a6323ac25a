package org.skytools.pgq.cascade;

import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.UnaryOperator;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.pgq.Event;

/**
 * The events as the batch handler sees them: every event is copied (branch), cascade events
 * are set aside for the worker, the rest are passed on. Iterable once.
 */
final class BatchStream implements Iterable<Event> {
    private final ProviderEvents reader;
    private final EventCopier copier;
    private final List<Event> cascadeEvents;
    private final UnaryOperator<Event> copyRewrite;
    private EventSink extra;
    private boolean started;
    private long count;
    private Event pending;

    BatchStream(
            ProviderEvents reader, EventCopier copier, List<Event> cascadeEvents, UnaryOperator<Event> copyRewrite) {
        this.reader = reader;
        this.copier = copier;
        this.cascadeEvents = cascadeEvents;
        this.copyRewrite = copyRewrite;
    }

    /** Receives every event read, before it is passed on. */
    interface EventSink {
        void accept(Event ev) throws SQLException;
    }

    /** Also hands every event read to {@code sink} (a merge leaf's combined queue). */
    void alsoTo(EventSink sink) {
        this.extra = sink;
    }

    @Override
    public Iterator<Event> iterator() {
        if (started) {
            throw new IllegalStateException("the events of a batch can be read only once");
        }
        started = true;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return pull();
            }

            @Override
            public Event next() {
                if (!pull()) {
                    throw new NoSuchElementException();
                }
                Event ev = pending;
                pending = null;
                return ev;
            }
        };
    }

    private boolean pull() {
        while (pending == null && reader.hasNext()) {
            Event ev = reader.next();
            count++;
            try {
                if (copier != null) {
                    Event copy = copyRewrite.apply(ev);
                    if (copy != null) {
                        copier.add(copy);
                    }
                }
                if (extra != null) {
                    extra.accept(ev);
                }
            } catch (SQLException e) {
                throw new SkyToolsException(
                        ErrorKind.RUNTIME, "copying events into the local queue failed: " + e.getMessage(), e);
            }
            if (ev.type() != null && ev.type().startsWith("pgq.")) {
                cascadeEvents.add(ev);
            } else {
                pending = ev;
            }
        }
        return pending != null;
    }

    /** Reads what the handler left unread, so that a branch copies every event. */
    void drain() {
        started = true;
        pending = null;
        while (pull()) {
            pending = null;
        }
    }

    long count() {
        return count;
    }
}
