package org.skytools.walmgr.master;

import java.util.List;
import java.util.OptionalLong;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.walmgr.transfer.Exec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes and releases the slave's backup lock from the master ({@code xlock PID} / {@code
 * xrelease}). A lock left by a process that no longer runs (a killed backup) is broken and taken
 * again; a lock of a live process stops the backup.
 */
final class BackupLockClient {
    private static final Logger log = LoggerFactory.getLogger(BackupLockClient.class);

    private final SlaveLink slave;

    BackupLockClient(SlaveLink slave) {
        this.slave = slave;
    }

    void take() {
        String pid = Long.toString(ProcessHandle.current().pid());
        Exec.Result r = slave.walmgr(List.of("xlock", pid), null);
        if (r.ok()) {
            return;
        }
        OptionalLong holder = lastNumber(r.stdout());
        if (holder.isEmpty()) {
            throw new SkyToolsException(
                    ErrorKind.STATE,
                    "cannot take the backup lock on the slave (xlock exit code " + r.exitCode()
                            + "); check the slave config and its completed_wals directory");
        }
        if (ProcessHandle.of(holder.getAsLong()).map(ProcessHandle::isAlive).orElse(false)) {
            throw new SkyToolsException(
                    ErrorKind.STATE,
                    "backup lock already taken by running process " + holder.getAsLong()
                            + "; wait for that backup to finish");
        }
        log.info("breaking stale backup lock of process {}, which no longer runs", holder.getAsLong());
        slave.walmgrChecked("xrelease");
        slave.walmgrChecked("xlock", pid);
    }

    void release() {
        slave.walmgrChecked("xrelease");
    }

    /** The pid xlock prints: the last line of its output that is a number. */
    static OptionalLong lastNumber(String stdout) {
        OptionalLong found = OptionalLong.empty();
        for (String line : stdout.split("\n")) {
            String t = line.strip();
            if (!t.isEmpty() && t.chars().allMatch(Character::isDigit) && t.length() < 19) {
                found = OptionalLong.of(Long.parseLong(t));
            }
        }
        return found;
    }
}
