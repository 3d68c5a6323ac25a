package org.skytools.londiste.copy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.skytools.common.error.SkyToolsException;
import org.skytools.londiste.replay.ReplayFilter;
import org.skytools.londiste.table.MergeState;
import org.skytools.londiste.table.MergeState.Phase;
import org.skytools.londiste.table.SqlRows;
import org.skytools.londiste.table.TableCatalog;
import org.skytools.londiste.table.TableInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replay side of the copy state machine (behaviour.md §2), run by the worker once per batch
 * inside the destination transaction, before the batch's events are applied. It never waits for
 * a copy:
 *
 * <ul>
 *   <li>tables with no state are claimed ({@code in-copy}) up to {@code parallel_copies}, after
 *       their foreign keys are dropped (F-1); their events are ignored until the copy commits; an
 *       {@code in-copy} table of {@code threaded_copy_tables} counts as its pool size;
 *   <li>a copied table in {@code wanna-sync:U} equals the provider's table at tick U: the events
 *       of batches up to U are skipped, a batch across U gets those tick U's snapshot does not
 *       show, and the first batch starting at or after U makes the table {@code ok} (L-10);
 *   <li>a table left {@code catching-up} with a copy snapshot by SkyTools 3 gets only the events
 *       whose txid the snapshot does not show, until a batch starts past it (L-6, L-11);
 *   <li>{@code ok} tables without a snapshot get every event, and their foreign keys come back
 *       (F-2).
 * </ul>
 *
 * <p>The batch transaction locks the worker's {@code pgq_node.local_state} row first; {@link
 * TableCopier} takes the same lock before it records a finished copy, so a copy is never handed
 * over in the middle of a batch.
 */
public final class CopyCoordinator {
    private static final Logger log = LoggerFactory.getLogger(CopyCoordinator.class);

    private final String queue;
    private final String workerName;
    private final int parallelCopies;
    private final TableCatalog catalog;
    private ThreadedCopy threaded = ThreadedCopy.NONE;
    private List<String> claimed = List.of();

    /**
     * @param queue the queue
     * @param workerName the worker consumer (node worker name)
     * @param parallelCopies config {@code parallel_copies}: tables in copy states at once (at least 1)
     */
    public CopyCoordinator(String queue, String workerName, int parallelCopies) {
        if (parallelCopies < 1) {
            throw new IllegalArgumentException("parallel_copies must be at least 1, not " + parallelCopies);
        }
        this.queue = queue;
        this.workerName = workerName;
        this.parallelCopies = parallelCopies;
        this.catalog = new TableCatalog(queue);
    }

    /**
     * The tables that load over several connections: an {@code in-copy} one takes that many of
     * {@code parallel_copies}, as in londiste.
     */
    public CopyCoordinator threaded(ThreadedCopy settings) {
        this.threaded = settings;
        return this;
    }

    /**
     * Moves the table states for the batch {@code (prevTickId, tickId]} and returns which events of
     * it to apply. Runs in {@code dst}'s open transaction; reads the start tick's snapshot from
     * {@code provider} when a copied table needs it.
     */
    public ReplayFilter beforeBatch(Connection dst, Connection provider, long prevTickId, long tickId)
            throws SQLException {
        SqlRows.query(
                dst,
                "select last_tick_id from pgq_node.local_state where queue_name = ? and consumer_name = ? for update",
                queue,
                workerName);
        List<TableInfo> tables = catalog.localTables(dst);
        TxidSnapshot start = null;
        boolean startRead = false;
        Map<String, Decision> decisions = new HashMap<>();
        int copying = 0;
        List<TableInfo> missing = new ArrayList<>();
        for (TableInfo t : tables) {
            Phase phase = t.state().phase();
            if (phase == Phase.IN_COPY) {
                copying += threaded.copySlots(t.name());
            } else if (phase.copying()) {
                copying++;
            }
            switch (phase) {
                case MISSING -> missing.add(t);
                case IN_COPY -> decisions.put(t.name(), Decision.NONE);
                case WANNA_SYNC, DO_SYNC -> decisions.put(t.name(), handOver(dst, provider, t, prevTickId, tickId));
                case CATCHING_UP, OK -> {
                    if (t.customSnapshot() == null) {
                        if (phase != Phase.OK) {
                            setState(dst, t, null, MergeState.OK);
                        }
                        decisions.put(t.name(), Decision.ALL);
                        continue;
                    }
                    // a copy snapshot stored by SkyTools 3: filter by it until batches start past it
                    TxidSnapshot copy = TxidSnapshot.parse(t.customSnapshot());
                    if (!startRead) {
                        start = tickSnapshot(provider, prevTickId);
                        startRead = true;
                    }
                    if (start != null && start.xmin() >= copy.xmax()) {
                        setState(dst, t, null, MergeState.OK);
                        decisions.put(t.name(), Decision.ALL);
                    } else {
                        decisions.put(t.name(), new Decision(copy));
                    }
                }
            }
        }
        claimed = claim(dst, provider, missing, parallelCopies - copying, decisions);
        Fkeys.restoreValid(dst, queue);
        return filter(decisions);
    }

    // The copied table equals the provider's at its sync tick U: batches up to U are in it already,
    // batches after U apply whole, and a batch across U applies what tick U's snapshot does not show.
    private Decision handOver(Connection dst, Connection provider, TableInfo t, long prevTickId, long tickId)
            throws SQLException {
        long sync = t.state().tick();
        if (prevTickId >= sync) {
            setState(dst, t, null, MergeState.OK);
            return Decision.ALL;
        }
        if (tickId <= sync) {
            return Decision.NONE;
        }
        TxidSnapshot at = tickSnapshot(provider, sync);
        if (at == null) {
            throw SkyToolsException.state(
                    "tick " + sync + " of table \"" + t.name() + "\" is not on the provider; resync the table");
        }
        return new Decision(at);
    }

    /** Called after the batch's events, still in its transaction; nothing to do in this design. */
    public void afterBatch(Connection dst, long tickId) {
        // state changes all happen in beforeBatch, so that they are decided before any event
    }

    /** The tables claimed for copy by the last {@link #beforeBatch}; the worker starts copies for them. */
    public List<String> claimed() {
        return claimed;
    }

    private List<String> claim(
            Connection dst, Connection provider, List<TableInfo> missing, int free, Map<String, Decision> decisions)
            throws SQLException {
        List<String> out = new ArrayList<>();
        if (missing.isEmpty() || free <= 0) {
            for (TableInfo t : missing) {
                decisions.put(t.name(), Decision.NONE);
            }
            return out;
        }
        Map<String, TableInfo> src = catalog.tables(provider);
        for (TableInfo t : missing) {
            decisions.put(t.name(), Decision.NONE);
            if (out.size() >= free) {
                continue;
            }
            if (t.copyNode() == null) {
                TableInfo p = src.get(t.name());
                if (p == null) {
                    log.warn("table \"{}\" not available on provider", t.name());
                    continue;
                }
                if (p.state().phase() != Phase.OK) {
                    log.info("table \"{}\" not ok on provider, waiting", t.name());
                    continue;
                }
            }
            // foreign keys go first: a copy into a table others point at would fail them (F-1)
            Fkeys.dropAll(dst, t.destTable());
            setState(dst, t, null, MergeState.IN_COPY);
            out.add(t.name());
        }
        return List.copyOf(out);
    }

    private void setState(Connection dst, TableInfo t, String snapshot, MergeState state) throws SQLException {
        SqlRows.retCall(
                dst,
                "select * from londiste.local_set_table_state(?, ?, ?, ?)",
                queue,
                t.name(),
                snapshot,
                state.render());
        log.info("table \"{}\" status changed to '{}'", t.name(), state);
    }

    private TxidSnapshot tickSnapshot(Connection provider, long tickId) throws SQLException {
        String s = GapApplier.tickSnapshot(provider, queue, tickId);
        return s == null ? null : TxidSnapshot.parse(s);
    }

    private static ReplayFilter filter(Map<String, Decision> decisions) {
        Map<String, Decision> map = Map.copyOf(decisions);
        return (table, txid) -> {
            Decision d = map.get(table.indexOf('.') < 0 ? "public." + table : table);
            return d != null && d.applies(txid);
        };
    }

    // ALL: no snapshot; NONE: not replicated yet; otherwise only what the copy did not contain.
    private record Decision(TxidSnapshot copy) {
        static final Decision ALL = new Decision(null);
        static final Decision NONE = new Decision(new TxidSnapshot(Long.MAX_VALUE, Long.MAX_VALUE, new long[0]));

        boolean applies(long txid) {
            return copy == null || !copy.visible(txid);
        }
    }
}
