package org.skytools.walmgr.master;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.Location;
import org.skytools.walmgr.config.WalmgrKey;
import org.skytools.walmgr.transfer.Exec;
import org.skytools.walmgr.transfer.LocalFiles;
import org.skytools.walmgr.transfer.Remote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master's way to the slave: runs walmgr with the slave's config there ({@code ssh slave
 * walmgr slave.ini CMD}), or, when {@code slave} is empty, in this process ({@link LocalSlave}),
 * and creates directories and files in slave locations.
 */
public final class SlaveLink {
    private static final Logger log = LoggerFactory.getLogger(SlaveLink.class);

    private final WalmgrContext ctx;
    private final Remote remote;

    public SlaveLink(WalmgrContext ctx) {
        this.ctx = ctx;
        this.remote = ctx.remote();
    }

    public String host() {
        return ctx.settings().optional(WalmgrKey.SLAVE).orElse("");
    }

    /** Runs a walmgr command on the slave; its log output is passed on to our standard error. */
    public Exec.Result walmgr(List<String> commandAndArgs, InputStream stdin) {
        String slaveConfig = ctx.settings()
                .optional(WalmgrKey.SLAVE_CONFIG)
                .orElseThrow(() -> SkyToolsException.config(ctx.settings().source()
                        + ": key \"slave_config\" is not set; name the slave's walmgr config in it"));
        if (host().isEmpty() && LocalSlave.COMMANDS.contains(commandAndArgs.get(0))) {
            log.debug("slave command in this process: {}", commandAndArgs);
            Exec.Result r = new LocalSlave(
                            ctx,
                            org.skytools.walmgr.config.Paths.file(slaveConfig).toString())
                    .run(commandAndArgs, stdin);
            if (!r.stderr().isBlank()) {
                ctx.err().print(r.stderr());
            }
            return r;
        }
        List<String> words = new ArrayList<>();
        words.add(
                host().isEmpty()
                        ? org.skytools.walmgr.config.Paths.file(slaveConfig).toString()
                        : slaveConfig);
        words.addAll(commandAndArgs);
        if (ctx.notReally()) {
            words.add("--not-really");
        }
        String line = ctx.walmgrCommandLine(words);
        log.debug("slave command: {}", line);
        Exec.Result r = host().isEmpty()
                ? Exec.run(List.of("/bin/sh", "-c", line), Map.of(), 0, stdin)
                : remote.ssh(host(), line, 0, stdin);
        if (!r.stderr().isBlank()) {
            ctx.err().print(r.stderr().endsWith("\n") ? r.stderr() : r.stderr() + "\n");
        }
        return r;
    }

    /** Runs a slave command and fails when it fails. */
    public Exec.Result walmgrChecked(String... commandAndArgs) {
        Exec.Result r = walmgr(List.of(commandAndArgs), null);
        if (!r.ok()) {
            throw new SkyToolsException(
                    ErrorKind.RUNTIME,
                    "slave command \"" + String.join(" ", commandAndArgs) + "\" failed with exit code " + r.exitCode()
                            + where());
        }
        return r;
    }

    private String where() {
        return host().isEmpty() ? "" : " on host \"" + host() + "\"";
    }

    /** Creates a directory (and its parents) in a slave location. */
    public void mkdirs(Location dir) {
        if (ctx.notReally()) {
            log.info("would create directory {}", dir);
            return;
        }
        if (!dir.isRemote()) {
            try {
                Files.createDirectories(dir.localPath());
            } catch (IOException e) {
                throw new SkyToolsException(
                        ErrorKind.RUNTIME, "cannot create directory \"" + dir + "\": " + e.getMessage(), e);
            }
            return;
        }
        Exec.Result r = remote.ssh(dir.host(), "mkdir -p " + Exec.shellQuote(dir.path()), ctx.networkTimeout(), null);
        if (!r.ok()) {
            throw new SkyToolsException(ErrorKind.RUNTIME, "cannot create directory \"" + dir + "\": " + r.message());
        }
    }

    /** Writes a small file (a backup label) into a slave location, durably. */
    public void putFile(String text, Location target) {
        if (ctx.notReally()) {
            log.info("would write {}", target);
            return;
        }
        try {
            if (!target.isRemote()) {
                LocalFiles.writeAtomically(target.localPath(), text);
                return;
            }
            Path tmp = Files.createTempFile("walmgr", ".put");
            try {
                Files.writeString(tmp, text);
                Exec.Result r = remote.rsync(List.of(tmp.toString(), target.rsyncArg(false)), true);
                if (!r.ok()) {
                    throw new SkyToolsException(
                            ErrorKind.RUNTIME,
                            "cannot write \"" + target + "\": rsync exit code " + r.exitCode() + ": " + r.message());
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new SkyToolsException(ErrorKind.RUNTIME, "cannot write \"" + target + "\": " + e.getMessage(), e);
        }
    }
}
