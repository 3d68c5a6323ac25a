package org.skytools.walmgr.cli;

import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.Role;
import org.skytools.walmgr.master.MasterXRestore;
import org.skytools.walmgr.slave.ParentWatch;
import org.skytools.walmgr.slave.XRestore;

/** xrestore on either node: the slave waits on its archive, the master fetches from the slave. */
final class RestoreDispatch {
    private RestoreDispatch() {}

    static int run(WalmgrContext ctx, String name, String dstPath, String restartWal) {
        if (ctx.settings().role() == Role.MASTER) {
            new MasterXRestore(ctx).restore(name, dstPath);
            return 0;
        }
        return new XRestore(ctx, ParentWatch.ofCurrentProcess()::alive).restore(name, dstPath, restartWal);
    }
}
