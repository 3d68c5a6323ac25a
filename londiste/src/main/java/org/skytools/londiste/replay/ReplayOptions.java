package org.skytools.londiste.replay;

import java.util.Objects;

/**
 * Settings of a {@link BatchApplier}.
 *
 * @param queueName the cascaded queue, for the {@code londiste.*} calls of global and EXECUTE events
 * @param copyProcess the applier runs in a copy process: EXECUTE and sequence events are skipped
 * @param coalesce allow the net change per key where it is provably equivalent (default handler)
 * @param oneByOne send every statement on its own and prefix errors with {@code [ev_id=..,ev_txid=..]},
 *     as SkyTools does when it retries a failed batch
 * @param maxPendingEvents row events held before they are applied even without a barrier event,
 *     bounding memory
 * @param statementsPerBatch statements sent per JDBC batch in ordered application
 * @param rowsPerStatement rows per set statement
 * @param pipelineEvents row events that, once collected, go to a second thread to be applied while
 *     the next ones are read and parsed, as soon as that thread is free (0: apply on the calling
 *     thread only)
 */
public record ReplayOptions(
        String queueName,
        boolean copyProcess,
        boolean coalesce,
        boolean oneByOne,
        int maxPendingEvents,
        int statementsPerBatch,
        int rowsPerStatement,
        int pipelineEvents) {
    public ReplayOptions {
        Objects.requireNonNull(queueName, "queueName");
        if (maxPendingEvents < 1 || statementsPerBatch < 1 || rowsPerStatement < 1 || pipelineEvents < 0) {
            throw new IllegalArgumentException("replay limits must be positive");
        }
    }

    /** The defaults for the main worker of {@code queueName}. */
    public static ReplayOptions forQueue(String queueName) {
        return new ReplayOptions(queueName, false, true, false, 20_000, 1_000, 10_000, 1_000);
    }

    /** These options for a copy process. */
    public ReplayOptions asCopyProcess() {
        return new ReplayOptions(
                queueName,
                true,
                coalesce,
                oneByOne,
                maxPendingEvents,
                statementsPerBatch,
                rowsPerStatement,
                pipelineEvents);
    }

    /** These options with the pipelined application after {@code events} row events (0: off). */
    public ReplayOptions withPipeline(int events) {
        return new ReplayOptions(
                queueName,
                copyProcess,
                coalesce,
                oneByOne,
                maxPendingEvents,
                statementsPerBatch,
                rowsPerStatement,
                events);
    }

    /** These options with the net change per key on or off. */
    public ReplayOptions withCoalesce(boolean on) {
        return new ReplayOptions(
                queueName,
                copyProcess,
                on,
                oneByOne,
                maxPendingEvents,
                statementsPerBatch,
                rowsPerStatement,
                pipelineEvents);
    }

    /** These options in one-statement-per-event mode (retry of a failed batch). */
    public ReplayOptions withOneByOne(boolean on) {
        return new ReplayOptions(
                queueName,
                copyProcess,
                coalesce,
                on,
                maxPendingEvents,
                statementsPerBatch,
                rowsPerStatement,
                pipelineEvents);
    }
}
