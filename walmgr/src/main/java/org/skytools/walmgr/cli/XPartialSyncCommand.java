package org.skytools.walmgr.cli;

import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.Role;
import org.skytools.walmgr.slave.PartialSync;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code xpartialsync}: slave: write BYTES bytes of standard input at OFFSET into a partial WAL file */
@Command(
        name = "xpartialsync",
        description = "slave: write BYTES bytes of standard input at OFFSET into a partial WAL file")
final class XPartialSyncCommand extends WalmgrSubcommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "WAL file name")
    String file;

    @Parameters(index = "1", paramLabel = "OFFSET", description = "byte offset")
    long offset;

    @Parameters(index = "2", paramLabel = "BYTES", description = "number of bytes on standard input")
    long bytes;

    @Parameters(index = "3", arity = "0..1", paramLabel = "SEGSIZE", description = "WAL segment size (default 16 MB)")
    Long segmentSize;

    @Override
    int run(WalmgrContext ctx) {
        ctx.requireRole(Role.SLAVE, "xpartialsync");
        long seg = segmentSize == null ? PartialSync.DEFAULT_SEGMENT_SIZE : segmentSize;
        new PartialSync(ctx).append(file, offset, bytes, seg, ctx.in());
        return 0;
    }
}
