package org.skytools.londiste.worker;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.skytools.londiste.copy.ConnectionOpener;
import org.skytools.londiste.copy.EventSink;
import org.skytools.londiste.copy.LocationOpener;
import org.skytools.londiste.copy.TableCopier;
import org.skytools.londiste.copy.ThreadedCopy;
import org.skytools.londiste.replay.BatchApplier;
import org.skytools.londiste.replay.HandlerRegistry;
import org.skytools.londiste.replay.ReplayFilter;
import org.skytools.londiste.replay.ReplayOptions;
import org.skytools.londiste.replay.TableMap;
import org.skytools.londiste.table.TableInfo;

/**
 * The copy threads of a worker, {@code parallel_copies} of them, each taking the next
 * {@code in-copy} table; they copy beside the replay and never hold it up longer than the hand-over
 * of one table.
 */
final class Copiers implements AutoCloseable {
    private final List<TableCopier> copiers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    Copiers(
            HandlerRegistry handlers,
            String queue,
            String workerName,
            int count,
            ThreadedCopy threaded,
            ConnectionOpener local,
            ConnectionOpener provider,
            LocationOpener nodes) {
        EventSink sink = (Connection dst, TableInfo table, List<org.skytools.pgq.Event> events) -> {
            TableMap one = TableMap.load(dst, queue);
            TableMap only = new TableMap(one.all().stream()
                    .filter(t -> t.name().equals(table.name()))
                    .toList());
            new BatchApplier(ReplayOptions.forQueue(queue).asCopyProcess(), only, handlers)
                    .apply(dst, events, ReplayFilter.ALL);
        };
        for (int i = 0; i < count; i++) {
            TableCopier copier = new TableCopier(queue, workerName, local, provider, nodes, sink)
                    .sibling(i == 0, this::wakeUp)
                    .handlers(handlers)
                    .threaded(threaded);
            copiers.add(copier);
            Thread t = new Thread(copier, "copy-" + (i + 1));
            t.setDaemon(true);
            threads.add(t);
        }
    }

    void start() {
        threads.forEach(Thread::start);
    }

    /** Makes every idle copier look for a table now. */
    void wakeUp() {
        copiers.forEach(TableCopier::wakeUp);
    }

    /** Stops the copiers; a copy in progress rolls back and starts over next time. */
    @Override
    public void close() {
        copiers.forEach(TableCopier::stop);
        for (Thread t : threads) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
