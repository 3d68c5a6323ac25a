package org.skytools.walmgr.master;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.skytools.common.config.Secrets;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.common.error.SqlErrors;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.Role;
import org.skytools.walmgr.config.SkyConfigs;
import org.skytools.walmgr.config.WalmgrSettings;
import org.skytools.walmgr.slave.BackupList;
import org.skytools.walmgr.slave.BackupLock;
import org.skytools.walmgr.slave.BackupRotator;
import org.skytools.walmgr.slave.PartialSync;
import org.skytools.walmgr.slave.SlaveSetup;
import org.skytools.walmgr.slave.WalCleaner;
import org.skytools.walmgr.transfer.Exec;

/**
 * The slave commands the master runs, for a slave on this host ({@code slave} empty): run in this
 * process with the slave's config instead of starting a walmgr process per command, with the
 * same exit codes and output as the command line.
 */
final class LocalSlave {
    static final Set<String> COMMANDS =
            Set.of("setup", "xlock", "xrelease", "xrotate", "xpurgewals", "listbackups", "xpartialsync");

    private final WalmgrContext master;
    private final String slaveConfig;

    LocalSlave(WalmgrContext master, String slaveConfig) {
        this.master = master;
        this.slaveConfig = slaveConfig;
    }

    Exec.Result run(List<String> commandAndArgs, InputStream stdin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            try {
                WalmgrSettings settings = SkyConfigs.load(java.nio.file.Path.of(slaveConfig), Map.of());
                InputStream in = stdin == null ? new ByteArrayInputStream(new byte[0]) : stdin;
                WalmgrContext ctx = new WalmgrContext(settings, master.notReally(), in, o, e);
                rc = dispatch(ctx, commandAndArgs);
            } catch (RuntimeException ex) {
                e.println("ERROR: " + Secrets.mask(SqlErrors.userMessage(ex)));
                rc = SqlErrors.kindOf(ex).exitCode();
            }
        }
        return new Exec.Result(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static int dispatch(WalmgrContext ctx, List<String> cmd) {
        String name = cmd.get(0);
        ctx.requireRole(Role.SLAVE, name);
        switch (name) {
            case "setup" -> new SlaveSetup(ctx).run();
            case "xlock" -> {
                return new BackupLock(ctx).take(cmd.size() > 1 ? cmd.get(1) : null) ? 0 : 1;
            }
            case "xrelease" -> new BackupLock(ctx).release();
            case "xrotate" -> new BackupRotator(ctx).rotate();
            case "xpurgewals" -> new WalCleaner(ctx).purgeForBackups();
            case "listbackups" -> new BackupList(ctx).print();
            case "xpartialsync" -> {
                long seg = cmd.size() > 4 ? Long.parseLong(cmd.get(4)) : PartialSync.DEFAULT_SEGMENT_SIZE;
                new PartialSync(ctx)
                        .append(cmd.get(1), Long.parseLong(cmd.get(2)), Long.parseLong(cmd.get(3)), seg, ctx.in());
            }
            default -> throw new SkyToolsException(ErrorKind.INTERNAL, "no local slave command \"" + name + "\"");
        }
        return 0;
    }
}
