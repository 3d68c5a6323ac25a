package org.skytools.walmgr.cli;

import picocli.CommandLine.Command;

/** {@code syncdaemon}: {@code sync} every loop_delay seconds; {@code -d}, {@code -s/-k/-r} control it. */
@Command(name = "syncdaemon", description = "Master: copy in-progress WAL to the slave every loop_delay seconds.")
final class SyncDaemonCommand extends SyncLauncher {
    SyncDaemonCommand() {
        super(true);
    }
}
