package org.skytools.walmgr.master;

import org.skytools.common.daemon.Script;
import org.skytools.common.daemon.Stats;
import org.skytools.common.error.SkyToolsException;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.Role;
import org.skytools.walmgr.config.WalmgrKey;
import org.skytools.walmgr.pg.MasterDb;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code sync} and {@code syncdaemon} as a script of the SkyTools framework, which keeps the
 * pidfile (so two syncs never run at once), loops every {@code loop_delay} for the daemon and
 * serves {@code -d}, {@code -s}, {@code -k} and {@code -r}. The master session for record-based
 * shipping is opened lazily and dropped after a failure.
 */
public final class SyncScript implements Script {
    private static final Logger log = LoggerFactory.getLogger(SyncScript.class);

    private final WalmgrContext ctx;
    private final boolean daemon;
    private final boolean records;
    private final WalSync sync;
    private MasterDb db;

    public SyncScript(WalmgrContext ctx, boolean daemon) {
        ctx.requireRole(Role.MASTER, daemon ? "syncdaemon" : "sync");
        this.ctx = ctx;
        this.daemon = daemon;
        this.records = ctx.settings().integer(WalmgrKey.USE_XLOG_FUNCTIONS) > 0;
        this.sync = new WalSync(ctx);
    }

    @Override
    public boolean work(Stats stats) {
        if (records && db == null && !ctx.notReally()) {
            db = tryConnect();
        }
        sync.syncOnce(db, daemon);
        stats.increase("count");
        return false;
    }

    private MasterDb tryConnect() {
        try {
            return MasterDb.connect(
                    ctx.settings().string(WalmgrKey.MASTER_DB), ctx.settings().jobName(), ctx.networkTimeout());
        } catch (SkyToolsException e) {
            log.debug("master unavailable: {}", e.getMessage());
            return null;
        }
    }

    @Override
    public void reset() {
        close();
    }

    @Override
    public void close() {
        if (db != null) {
            db.close();
            db = null;
        }
    }
}
