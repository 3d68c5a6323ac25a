package org.skytools.pgq.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.skytools.common.daemon.Stats;
import org.skytools.pgq.NextBatchInfo;
import org.skytools.pgq.consumer.Batch;
import org.skytools.pgq.consumer.BatchHandler;
import org.skytools.pgq.consumer.BatchListener;
import org.skytools.pgq.consumer.ConnectionSource;
import org.skytools.pgq.consumer.Consumer;
import org.skytools.pgq.consumer.ConsumerSettings;
import org.skytools.pgq.consumer.JdbcConnectionSource;
import org.skytools.pgq.consumer.QueueBatchSource;
import org.skytools.pgq.consumer.SerialConsumer;

/**
 * A consumer run in a separate JVM, so that tests can kill it with SIGKILL or cap its heap.
 *
 * <ul>
 *   <li>{@code drain URL QUEUE CONSUMER FETCH OUT}: processes batches until none is left, then
 *       writes "events peak" to OUT;
 *   <li>{@code stall URL QUEUE CONSUMER OUT}: processes one batch, writes "batch events" to OUT
 *       before finishing it and waits there to be killed;
 *   <li>{@code serial-stall URL DST_URL QUEUE CONSUMER OUT}: a serial consumer that copies each
 *       event's data into table {@code applied} of the target, commits the target, writes "batch"
 *       to OUT and waits there to be killed.
 * </ul>
 */
public final class ForkedConsumer {
    private ForkedConsumer() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "drain" -> drain(args[1], args[2], args[3], Integer.parseInt(args[4]), Path.of(args[5]));
            case "stall" -> stall(args[1], args[2], args[3], Path.of(args[4]));
            case "serial-stall" -> serialStall(args[1], args[2], args[3], args[4], Path.of(args[5]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void drain(String url, String queue, String consumer, int fetch, Path out) throws Exception {
        long[] totals = new long[2];
        BatchHandler handler = batch -> {
            long bytes = 0;
            for (var ev : batch.events()) {
                bytes += ev.data().length();
            }
            totals[0] += batch.eventCount();
            totals[1] = Math.max(totals[1], batch.peakEventsHeld());
            if (bytes < 0) {
                throw new IllegalStateException();
            }
        };
        try (ConnectionSource src = new JdbcConnectionSource(url)) {
            Consumer c = new Consumer(ConsumerSettings.of(queue, consumer).withLazyFetch(fetch), src, handler);
            while (c.work(new Stats())) {
                // keep going until no batch is left
            }
        }
        Files.writeString(out, totals[0] + " " + totals[1]);
    }

    private static void stall(String url, String queue, String consumer, Path out) throws Exception {
        ConsumerSettings s = ConsumerSettings.of(queue, consumer);
        long[] count = new long[1];
        BatchHandler handler = b -> b.events().forEach(e -> count[0]++);
        try (ConnectionSource src = new JdbcConnectionSource(url)) {
            new Consumer(s, src, new QueueBatchSource(s), handler, stallAfterProcessing(out, count), Clock.systemUTC())
                    .work(new Stats());
        }
    }

    private static void serialStall(String url, String dstUrl, String queue, String consumer, Path out)
            throws Exception {
        ConsumerSettings s = ConsumerSettings.of(queue, consumer);
        long[] count = new long[1];
        try (ConnectionSource src = new JdbcConnectionSource(url);
                ConnectionSource dst = new JdbcConnectionSource(dstUrl)) {
            new SerialConsumer(s, src, dst, ForkedConsumer::apply, stallAfterProcessing(out, count), Clock.systemUTC())
                    .work(new Stats());
        }
    }

    /** Copies each event's data into {@code applied(data)} on the target. */
    public static void apply(Batch batch, java.sql.Connection dst) throws Exception {
        try (var st = dst.prepareStatement("insert into applied (ev_id, data) values (?, ?)")) {
            for (var ev : batch.events()) {
                st.setLong(1, ev.id());
                st.setString(2, ev.data());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    private static BatchListener stallAfterProcessing(Path out, long[] count) {
        return new BatchListener() {
            @Override
            public void batchProcessed(NextBatchInfo batch) throws Exception {
                Files.writeString(out, batch.batchId() + " " + count[0]);
                // wait here for SIGKILL
                new CountDownLatch(1).await();
            }
        };
    }
}
