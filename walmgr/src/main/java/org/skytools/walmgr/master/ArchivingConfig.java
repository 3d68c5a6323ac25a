package org.skytools.walmgr.master;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.skytools.walmgr.pg.PgConfText;

/**
 * Decides the {@code postgresql.conf} changes that turn WAL archiving on or off (W-1, W-12):
 * {@code archive_command}, and {@code archive_mode}/{@code wal_level} only where the file mentions
 * them. {@code wal_level} becomes {@code replica} (what {@code archive} and {@code hot_standby}
 * mean since PostgreSQL 9.6); {@code logical} is never lowered.
 */
public final class ArchivingConfig {
    /** The command that accepts and discards a segment, to stop archiving without a restart. */
    public static final String TRUE_COMMAND = "/bin/true";

    private static final Set<String> ENOUGH_WAL = Set.of("replica", "logical", "archive", "hot_standby");
    private static final Set<String> ON = Set.of("on", "1", "true", "yes", "always");

    private ArchivingConfig() {}

    /** The changes and whether they only take effect after a restart. */
    public record Changes(Map<String, String> settings, boolean needsRestart) {}

    /** Settings that enable archiving through {@code archiveCommand}. */
    public static Changes enable(PgConfText conf, String archiveCommand) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("archive_command", archiveCommand);
        boolean restart = false;
        if (conf.mentions("archive_mode")) {
            String current = conf.active("archive_mode").orElse("off").toLowerCase(Locale.ROOT);
            if (!ON.contains(current)) {
                params.put("archive_mode", "on");
                restart = true;
            }
        }
        if (conf.mentions("wal_level")) {
            // commented out means the default, which is replica on every supported version
            String current = conf.active("wal_level").orElse("replica").toLowerCase(Locale.ROOT);
            if (!ENOUGH_WAL.contains(current)) {
                params.put("wal_level", "replica");
                restart = true;
            }
        }
        return new Changes(params, restart);
    }

    /**
     * Settings that disable archiving. With a restart command archiving is switched off
     * completely; without one {@code archive_command} becomes {@link #TRUE_COMMAND} (segments are
     * dropped instead of piling up) and synchronous standbys are cleared.
     */
    public static Changes disable(PgConfText conf, boolean canRestart) {
        Map<String, String> params = new LinkedHashMap<>();
        if (canRestart) {
            params.put("archive_command", "");
            if (conf.mentions("archive_mode")) {
                params.put("archive_mode", "off");
            }
            if (conf.mentions("wal_level")) {
                params.put("wal_level", "minimal");
                params.put("max_wal_senders", "0");
            }
            return new Changes(params, true);
        }
        params.put("archive_command", TRUE_COMMAND);
        if (!conf.active("synchronous_standby_names").orElse("").isEmpty()) {
            params.put("synchronous_standby_names", "");
        }
        return new Changes(params, false);
    }
}
