package org.skytools.walmgr.master;

import java.nio.file.Path;
import java.time.Clock;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.Location;
import org.skytools.walmgr.config.Role;
import org.skytools.walmgr.config.WalmgrKey;
import org.skytools.walmgr.transfer.ArchiveWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code xarchive SRCPATH SRCNAME}, the master's {@code archive_command} (W-2): puts one segment
 * into the slave's {@code completed_wals}, atomically and durably, then records it in {@code
 * .walshipping.last}. Any failure is an exception, so the exit code is non-zero and PostgreSQL
 * retries the segment.
 */
public final class XArchive {
    private static final Logger log = LoggerFactory.getLogger(XArchive.class);

    private final WalmgrContext ctx;

    public XArchive(WalmgrContext ctx) {
        this.ctx = ctx;
    }

    public void archive(String srcPath, String srcName) {
        ctx.requireRole(Role.MASTER, "xarchive");
        long start = System.nanoTime();
        log.debug("{}: start copy", srcName);
        new Periodic(ctx, Clock.systemUTC()).run();
        Location dst = ctx.settings().location(WalmgrKey.COMPLETED_WALS);
        Path source = Path.of(srcPath);
        if (!source.isAbsolute()) {
            // archive_command runs in the data directory, %p is relative to it
            source = Path.of("").toAbsolutePath().resolve(source);
        }
        if (ctx.notReally()) {
            log.info("would archive {} to {}", source, dst);
            return;
        }
        new ArchiveWriter(ctx.remote(), ctx.networkTimeout()).archive(source, srcName, dst);
        new MasterNode(ctx).setLastComplete(srcName);
        log.debug("{}: done in {} ms", srcName, (System.nanoTime() - start) / 1_000_000);
    }
}
