package org.skytools.londiste.worker;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.skytools.common.config.GenericKeys;
import org.skytools.common.config.SkyConfig;
import org.skytools.common.daemon.Script;
import org.skytools.common.daemon.Stats;
import org.skytools.common.db.ConnectString;
import org.skytools.common.db.DbConnector;
import org.skytools.common.error.SkyToolsException;
import org.skytools.londiste.config.LondisteKeys;
import org.skytools.londiste.copy.ThreadedCopy;
import org.skytools.londiste.replay.ApplyStats;
import org.skytools.londiste.replay.HandlerRegistry;
import org.skytools.pgq.cascade.CascadeSettings;
import org.skytools.pgq.cascade.NodeConnector;
import org.skytools.pgq.cascade.NodeInfo;
import org.skytools.pgq.cascade.PgqNodeClient;
import org.skytools.pgq.consumer.ConsumerKeys;
import org.skytools.pgq.consumer.DbConnectionSource;

/**
 * {@code londiste CONFIG worker} inside the script framework's loop: one {@link LondisteWorker}
 * round per loop, with the copy threads beside it. Stats lines count the events each batch
 * applied.
 */
public final class WorkerScript implements Script {
    private final DbConnectionSource local;
    private final LondisteWorker worker;
    private final Copiers copiers;

    /** Connects to the local node and starts the copy threads. */
    public WorkerScript(SkyConfig config) {
        String jobName = GenericKeys.JOB_NAME.get(config);
        String queue = ConsumerKeys.QUEUE_NAME.get(config);
        String db = LondisteKeys.DB.get(config);
        String extra = LondisteKeys.REMOTE_EXTRA_CONNSTR.get(config);
        DbConnector connector = new DbConnector(jobName);
        NodeConnector remote = connstr -> connector.connect(withExtra(connstr, extra));
        this.local = new DbConnectionSource(
                connector,
                ConnectString.parse(db),
                false,
                GenericKeys.CONNECTION_LIFETIME.get(config),
                java.time.Clock.systemUTC());
        CascadeSettings settings = CascadeSettings.fromConfig(config);
        int parallel = LondisteKeys.PARALLEL_COPIES.get(config);
        ThreadedCopy threaded = LondisteKeys.threadedCopy(config);
        HandlerRegistry handlers = LondisteKeys.handlers(config);
        this.copiers = new Copiers(
                handlers,
                queue,
                jobName,
                parallel,
                threaded,
                () -> connector.connect(db),
                () -> remote.connect(providerLocation(connector, db, queue)),
                remote::connect);
        this.worker = new LondisteWorker(
                handlers,
                local,
                remote,
                settings,
                parallel,
                threaded,
                LondisteKeys.LOCAL_ONLY.get(config),
                LondisteKeys.LOCAL_ONLY_DROP_EXECUTE.get(config),
                LondisteKeys.registerFilter(config),
                copiers::wakeUp);
        copiers.start();
    }

    @Override
    public boolean work(Stats stats) throws Exception {
        long start = System.nanoTime();
        boolean more = worker.workOnce();
        ApplyStats applied = worker.lastStats();
        if (more && applied != null && applied.rowEvents() > 0) {
            stats.increase("count", applied.rowEvents());
            // the batch's wall time, as SkyTools' consumers report it
            stats.put("duration", (System.nanoTime() - start) / 1e9);
        }
        return more;
    }

    @Override
    public Duration idleDelay(Duration loopDelay) {
        return worker.idleDelay(loopDelay);
    }

    @Override
    public void reset() {
        local.reset();
    }

    @Override
    public void close() {
        copiers.close();
        worker.close();
        local.close();
    }

    private static String providerLocation(DbConnector connector, String db, String queue) throws SQLException {
        try (Connection c = connector.connect(db)) {
            NodeInfo info = new PgqNodeClient(c)
                    .getNodeInfo(queue)
                    .orElseThrow(() -> SkyToolsException.state("no node for queue \"" + queue + "\" in " + db));
            if (info.providerLocation() == null) {
                throw SkyToolsException.state("node \"" + info.nodeName() + "\" has no provider to copy from");
            }
            return info.providerLocation();
        }
    }

    private static String withExtra(String connstr, String extra) {
        ConnectString cs = ConnectString.parse(connstr);
        return (extra == null || extra.isBlank() ? cs : cs.withExtra(extra)).toLibpq();
    }
}
