package org.skytools.walmgr.slave;

import java.util.Optional;
import java.util.Set;

/**
 * Tells whether the process that asked for a WAL file is still waiting for it. PostgreSQL's
 * startup process runs restore_command through {@code sh -c}, and a launcher script may sit in
 * between, so when the parent is a shell its parent is watched as well.
 */
public final class ParentWatch {
    private static final Set<String> SHELLS = Set.of("sh", "dash", "bash", "ksh", "zsh", "busybox");

    private final long parentPid;
    private final ProcessHandle grandparent;

    private ParentWatch(long parentPid, ProcessHandle grandparent) {
        this.parentPid = parentPid;
        this.grandparent = grandparent;
    }

    /** Watches the parent (and, if it is a shell, the grandparent) of this process. */
    public static ParentWatch ofCurrentProcess() {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        long pid = parent.map(ProcessHandle::pid).orElse(1L);
        ProcessHandle grand = parent.filter(ParentWatch::isShell)
                .flatMap(ProcessHandle::parent)
                .orElse(null);
        return new ParentWatch(pid, grand);
    }

    private static boolean isShell(ProcessHandle p) {
        return p.info()
                .command()
                .map(c -> c.substring(c.lastIndexOf('/') + 1))
                .map(SHELLS::contains)
                .orElse(false);
    }

    /** False once the parent exited (this process was re-parented) or the watched grandparent died. */
    public boolean alive() {
        long now = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
        if (now != parentPid || parentPid <= 1) {
            return false;
        }
        return grandparent == null || grandparent.isAlive();
    }
}
