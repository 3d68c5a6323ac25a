package org.skytools.walmgr.pg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.skytools.walmgr.transfer.Exec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The postmaster of a data directory, found through {@code postmaster.pid}. */
public final class Postmaster {
    private static final Logger log = LoggerFactory.getLogger(Postmaster.class);

    private final Path dataDir;

    public Postmaster(Path dataDir) {
        this.dataDir = dataDir;
    }

    public Path pidFile() {
        return dataDir.resolve("postmaster.pid");
    }

    /** The pid from the pid file; empty when there is none or it is unreadable. */
    public OptionalLong pid() {
        try {
            List<String> lines = Files.readAllLines(pidFile(), StandardCharsets.UTF_8);
            return lines.isEmpty()
                    ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** True when the pid file names a live process. */
    public boolean isRunning() {
        OptionalLong pid = pid();
        return pid.isPresent()
                && ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Sends a signal ({@code HUP}, {@code INT}, ...); false when no postmaster runs. */
    public boolean signal(String signal) {
        OptionalLong pid = pid();
        if (pid.isEmpty()) {
            log.info("postmaster is not running (no pid file in {})", dataDir);
            return false;
        }
        if (!isRunning()) {
            log.info("postmaster is not running (no process {})", pid.getAsLong());
            return false;
        }
        Exec.Result r = Exec.run(List.of("kill", "-s", signal, Long.toString(pid.getAsLong())), Map.of(), 30);
        if (!r.ok()) {
            log.warn("cannot send SIG{} to postmaster {}: {}", signal, pid.getAsLong(), r.message());
            return false;
        }
        return true;
    }
}
