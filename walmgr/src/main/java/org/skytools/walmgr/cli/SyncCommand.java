package org.skytools.walmgr.cli;

import picocli.CommandLine.Command;

/** {@code sync}: copy in-progress WAL to the slave once, holding the pidfile. */
@Command(name = "sync", description = "Master: copy in-progress WAL to the slave once.")
final class SyncCommand extends SyncLauncher {
    SyncCommand() {
        super(false);
    }
}
