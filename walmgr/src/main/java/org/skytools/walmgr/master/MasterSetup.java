package org.skytools.walmgr.master;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.skytools.common.daemon.ControlCommand;
import org.skytools.common.daemon.Pidfile;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.Role;
import org.skytools.walmgr.config.WalmgrKey;
import org.skytools.walmgr.pg.AutoConf;
import org.skytools.walmgr.pg.PgConfFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code setup} and {@code stop} on the master: archiving on and off in postgresql.conf (W-1). */
public final class MasterSetup {
    private static final Logger log = LoggerFactory.getLogger(MasterSetup.class);

    private final WalmgrContext ctx;
    private final MasterNode node;

    public MasterSetup(WalmgrContext ctx) {
        this.ctx = ctx;
        this.node = new MasterNode(ctx);
    }

    /** The {@code archive_command} that ships segments through this config. */
    public String archiveCommand() {
        String walmgr = ctx.walmgrCommandLine(List.of(ctx.configPath(), "xarchive"));
        return WalmgrContext.forPgCommand(walmgr) + " %p %f";
    }

    /** Turns archiving on, reloads or restarts the master, and prepares the slave's directories. */
    public void setup() {
        ctx.requireRole(Role.MASTER, "setup");
        log.info("Configuring WAL archiving");
        node.dataDir();
        boolean canRestart =
                ctx.settings().optional(WalmgrKey.MASTER_RESTART_CMD).isPresent();
        PgConfFile conf = PgConfFile.read(ctx.settings().file(WalmgrKey.MASTER_CONFIG));
        ArchivingConfig.Changes changes = ArchivingConfig.enable(conf.text(), archiveCommand());
        apply(conf, changes.settings());
        if (changes.needsRestart() && !canRestart) {
            log.warn("database must be restarted to enable archiving");
        }
        warnAboutAlterSystem(changes.settings());
        node.restartOrReload();
        new SlaveLink(ctx).walmgrChecked("setup");
        log.info("Done");
    }

    /** Turns archiving off and stops a running syncdaemon. */
    public void stop() {
        ctx.requireRole(Role.MASTER, "stop");
        log.info("Disabling WAL archiving");
        node.dataDir();
        boolean canRestart =
                ctx.settings().optional(WalmgrKey.MASTER_RESTART_CMD).isPresent();
        PgConfFile conf = PgConfFile.read(ctx.settings().file(WalmgrKey.MASTER_CONFIG));
        ArchivingConfig.Changes changes = ArchivingConfig.disable(conf.text(), canRestart);
        if (!canRestart) {
            log.info("database must be restarted to disable archiving");
            log.info("Setting archive_command to {} to avoid WAL pileup", ArchivingConfig.TRUE_COMMAND);
        }
        apply(conf, changes.settings());
        node.restartOrReload();
        stopSyncDaemon();
        log.info("Done");
    }

    private void apply(PgConfFile conf, Map<String, String> settings) {
        log.debug("modifying configuration: {}", settings);
        settings.forEach(conf.text()::set);
        conf.save(ctx.notReally(), ctx.out());
    }

    /** Settings made with ALTER SYSTEM win over postgresql.conf; say so instead of failing silently. */
    private void warnAboutAlterSystem(Map<String, String> settings) {
        Path auto = node.dataDir().resolve("postgresql.auto.conf");
        if (!Files.isRegularFile(auto)) {
            return;
        }
        try {
            AutoConf a = new AutoConf(Files.readString(auto, StandardCharsets.UTF_8));
            for (String key : settings.keySet()) {
                if (a.has(key)) {
                    log.warn(
                            "{} is also set in {} (ALTER SYSTEM), which overrides postgresql.conf; reset it with: "
                                    + "ALTER SYSTEM RESET {}",
                            key,
                            auto,
                            key);
                }
            }
        } catch (IOException e) {
            log.debug("cannot read {}: {}", auto, e.getMessage());
        }
    }

    private void stopSyncDaemon() {
        Path pidfile = ctx.settings().optionalFile(WalmgrKey.PIDFILE).orElse(null);
        if (pidfile == null || !Files.exists(pidfile)) {
            return;
        }
        log.info("Pidfile {} exists, attempting to stop syncdaemon.", pidfile);
        if (!ctx.notReally()) {
            ControlCommand.STOP.send(Optional.of(new Pidfile(pidfile)));
        }
    }
}
