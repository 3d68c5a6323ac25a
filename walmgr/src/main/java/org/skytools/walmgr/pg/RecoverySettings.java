package org.skytools.walmgr.pg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.walmgr.transfer.LocalFiles;

/**
 * Puts a restored data directory into recovery the PostgreSQL 12+ way (W-5, W-12): the settings go
 * into {@code postgresql.auto.conf} and a signal file selects the mode, {@code standby.signal}
 * when streaming from {@code primary_conninfo}, else {@code recovery.signal} (archive recovery,
 * which ends when xrestore reports the end of WAL after {@code boot}).
 *
 * @param restoreCommand the {@code restore_command}
 * @param primaryConninfo the streaming source, or null for archive recovery only
 * @param archiveCleanupCommand removes archive files replay no longer needs (streaming only)
 */
public record RecoverySettings(String restoreCommand, String primaryConninfo, String archiveCleanupCommand) {

    public boolean streaming() {
        return primaryConninfo != null && !primaryConninfo.isEmpty();
    }

    /** The settings as they go into postgresql.auto.conf; null values are removed there. */
    public Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("restore_command", restoreCommand);
        m.put("primary_conninfo", streaming() ? primaryConninfo : null);
        m.put("archive_cleanup_command", streaming() ? archiveCleanupCommand : null);
        return m;
    }

    /**
     * The new text of postgresql.auto.conf; archiving is disabled so a booted slave does not
     * archive. In archive recovery on PostgreSQL 15+ WAL prefetching is turned off: read-ahead
     * would ask xrestore for the next segment, and xrestore waits for it, before the records
     * already read are replayed, so the slave would never reach a consistent state.
     */
    public String apply(String autoConf, String disabledArchiveCommand, int major) {
        AutoConf a = new AutoConf(autoConf);
        if (major >= 15 && !streaming()) {
            a.set("recovery_prefetch", "off");
        } else {
            a.remove("recovery_prefetch");
        }
        settings().forEach((k, v) -> {
            if (v == null) {
                a.remove(k);
            } else {
                a.set(k, v);
            }
        });
        if (a.has("archive_command")) {
            a.set("archive_command", disabledArchiveCommand);
        }
        return a.text();
    }

    /** Writes the settings and the signal file into a data directory. */
    public void write(Path dataDir, int major, String disabledArchiveCommand) {
        if (major < 12) {
            throw new SkyToolsException(
                    ErrorKind.STATE,
                    "PostgreSQL " + major + " in \"" + dataDir
                            + "\" is not supported; walmgr needs PostgreSQL 12 or newer");
        }
        try {
            Path auto = dataDir.resolve("postgresql.auto.conf");
            String old = Files.exists(auto) ? Files.readString(auto, StandardCharsets.UTF_8) : "";
            LocalFiles.writeAtomically(auto, apply(old, disabledArchiveCommand, major));
            // a recovery.conf makes PostgreSQL 12+ refuse to start
            Files.deleteIfExists(dataDir.resolve("recovery.conf"));
            Files.deleteIfExists(dataDir.resolve("standby.signal"));
            Files.deleteIfExists(dataDir.resolve("recovery.signal"));
            Files.writeString(dataDir.resolve(streaming() ? "standby.signal" : "recovery.signal"), "");
        } catch (IOException e) {
            throw new SkyToolsException(
                    ErrorKind.RUNTIME, "cannot write recovery settings into \"" + dataDir + "\": " + e.getMessage(), e);
        }
    }

    /** A human-readable rendering, for {@code -n}. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        settings().forEach((k, v) -> {
            if (v != null) {
                sb.append(k).append(" = ").append(PgConfText.quote(v)).append('\n');
            }
        });
        sb.append("# signal file: ")
                .append(streaming() ? "standby.signal" : "recovery.signal")
                .append('\n');
        return sb.toString();
    }
}
