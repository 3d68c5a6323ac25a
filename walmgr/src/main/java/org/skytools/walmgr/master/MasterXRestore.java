package org.skytools.walmgr.master;

import java.util.List;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.Location;
import org.skytools.walmgr.config.WalmgrKey;
import org.skytools.walmgr.transfer.Exec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code xrestore} with a master config: fetches a file back from the slave's completed, then
 * partial WAL directory. rsync's I/O timeout and ssh's connect timeout bound the wait on an
 * unreachable slave.
 */
public final class MasterXRestore {
    private static final Logger log = LoggerFactory.getLogger(MasterXRestore.class);

    private final WalmgrContext ctx;

    public MasterXRestore(WalmgrContext ctx) {
        this.ctx = ctx;
    }

    public void restore(String name, String dstPath) {
        log.info("Restore {} to {}", name, dstPath);
        for (WalmgrKey key : List.of(WalmgrKey.COMPLETED_WALS, WalmgrKey.PARTIAL_WALS)) {
            Location src = ctx.settings().location(key).resolve(name);
            log.debug("Looking in {}", src);
            Exec.Result r = ctx.remote().rsync(List.of(src.rsyncArg(false), dstPath), true);
            if (r.ok()) {
                return;
            }
        }
        throw new SkyToolsException(ErrorKind.RUNTIME, "could not restore file \"" + name + "\"");
    }
}
