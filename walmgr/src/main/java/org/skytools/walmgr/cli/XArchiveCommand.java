package org.skytools.walmgr.cli;

import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.master.XArchive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code xarchive}: master (archive_command): archive one WAL segment to the slave */
@Command(name = "xarchive", description = "master (archive_command): archive one WAL segment to the slave")
final class XArchiveCommand extends WalmgrSubcommand {

    @Parameters(index = "0", paramLabel = "SRCPATH", description = "path of the segment (%p)")
    String srcPath;

    @Parameters(index = "1", paramLabel = "SRCNAME", description = "file name of the segment (%f)")
    String srcName;

    @Override
    int run(WalmgrContext ctx) {
        new XArchive(ctx).archive(srcPath, srcName);
        return 0;
    }
}
