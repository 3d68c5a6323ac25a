package org.skytools.walmgr.cli;

import org.skytools.walmgr.WalmgrContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code xrestore}: slave (restore_command): deliver one WAL file, waiting for it */
@Command(name = "xrestore", description = "slave (restore_command): deliver one WAL file, waiting for it")
final class XRestoreCommand extends WalmgrSubcommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "file wanted (%f)")
    String name;

    @Parameters(index = "1", paramLabel = "DSTPATH", description = "where to put it (%p)")
    String dstPath;

    @Parameters(index = "2", arity = "0..1", paramLabel = "RESTARTWAL", description = "oldest file still needed (%r)")
    String restartWal;

    @Override
    int run(WalmgrContext ctx) {
        return RestoreDispatch.run(ctx, name, dstPath, restartWal);
    }
}
