package org.skytools.walmgr.init;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.skytools.common.db.ConnectString;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.walmgr.config.Paths;
import org.skytools.walmgr.transfer.Exec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --init-master} and {@code --init-slave}: write {@code wal-master.ini} / {@code
 * wal-slave.ini} for the local PostgreSQL, and optionally set up ssh keys and the replication
 * password.
 */
public final class InitConfig {
    private static final Logger log = LoggerFactory.getLogger(InitConfig.class);

    private final InitOptions opts;
    private final boolean notReally;

    public InitConfig(InitOptions opts, boolean notReally) {
        this.opts = opts;
        this.notReally = notReally;
    }

    public Path initMaster() {
        if (opts.slave() == null || opts.slave().isEmpty()) {
            throw new SkyToolsException(ErrorKind.USAGE, "specify slave host name with the \"--slave\" option");
        }
        PgLocations pg = PgLocations.guess(opts.pgdata(), true);
        Map<String, String> v = new LinkedHashMap<>();
        v.put("job_name", "wal-master");
        v.put("logfile", "~/log/%(job_name)s.log");
        v.put("pidfile", "~/pid/%(job_name)s.pid");
        v.put("use_skylog", "1");
        v.put("master_db", "dbname=template1");
        v.put("master_data", pg.dataDir().toString());
        v.put("master_config", pg.configFile().toString());
        v.put("master_bin", pg.binDir().toString());
        v.put("slave", opts.slave());
        v.put("slave_config", configDir().resolve("wal-slave.ini").toString());
        v.put("walmgr_data", "~/walshipping");
        v.put("completed_wals", "%(slave)s:%(walmgr_data)s/logs.complete");
        v.put("partial_wals", "%(slave)s:%(walmgr_data)s/logs.partial");
        v.put("full_backup", "%(slave)s:%(walmgr_data)s/data.master");
        v.put("config_backup", "%(slave)s:%(walmgr_data)s/config.backup");
        v.put("keep_symlinks", "1");
        v.put("compression", "0");
        Path file = write(v);
        if (opts.sshKeygen()) {
            sshKeygen();
        }
        return file;
    }

    public Path initSlave() {
        PgLocations pg = PgLocations.guess(opts.pgdata(), false);
        Map<String, String> v = new LinkedHashMap<>();
        v.put("job_name", "wal-slave");
        v.put("logfile", "~/log/%(job_name)s.log");
        v.put("use_skylog", "1");
        v.put("slave_data", pg.dataDir().toString());
        v.put("slave_bin", pg.binDir().toString());
        v.put("slave_stop_cmd", pg.stopCmd());
        v.put("slave_start_cmd", pg.startCmd());
        v.put("slave_config_dir", pg.configFile().getParent().toString());
        v.put("walmgr_data", "~/walshipping");
        v.put("completed_wals", "%(walmgr_data)s/logs.complete");
        v.put("partial_wals", "%(walmgr_data)s/logs.partial");
        v.put("full_backup", "%(walmgr_data)s/data.master");
        v.put("config_backup", "%(walmgr_data)s/config.backup");
        if (opts.primaryConninfo() != null) {
            v.put("primary_conninfo", opts.primaryConninfo());
        }
        Path file = write(v);
        if (opts.sshAddKey() != null) {
            addAuthorizedKey(Path.of(Paths.expandHome(opts.sshAddKey())));
        }
        if (opts.addPassword() != null && opts.primaryConninfo() != null) {
            addPassword();
        }
        return file;
    }

    private Path configDir() {
        return Paths.file(opts.configDir() == null ? "~/conf" : opts.configDir());
    }

    private Path write(Map<String, String> values) {
        values.putAll(opts.overrides());
        Path file = configDir().resolve(values.get("job_name") + ".ini");
        StringBuilder sb = new StringBuilder("[walmgr]\n");
        values.forEach((k, val) -> sb.append(String.format("%-20s = %s%n", k, val)));
        log.info("Writing configuration file: {}", file);
        log.debug("config data:\n{}", sb);
        if (!notReally) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new SkyToolsException(ErrorKind.RUNTIME, "cannot write \"" + file + "\": " + e.getMessage(), e);
            }
        }
        return file;
    }

    /** Creates an ed25519 key pair (DSA keys are no longer accepted by OpenSSH). */
    private void sshKeygen() {
        Path key = Paths.file("~/.ssh/id_ed25519");
        if (Files.exists(key)) {
            log.info("SSH key {} already exists, skipping", key);
            return;
        }
        log.info("Generating ssh key: {}", key);
        if (notReally) {
            return;
        }
        try {
            Files.createDirectories(key.getParent());
        } catch (IOException e) {
            throw new SkyToolsException(
                    ErrorKind.RUNTIME, "cannot create \"" + key.getParent() + "\": " + e.getMessage(), e);
        }
        Exec.Result r =
                Exec.run(List.of("ssh-keygen", "-t", "ed25519", "-N", "", "-q", "-f", key.toString()), Map.of(), 60);
        if (!r.ok()) {
            throw new SkyToolsException(ErrorKind.RUNTIME, "ssh-keygen failed: " + r.message());
        }
        try {
            log.info("public key: {}", Files.readString(Path.of(key + ".pub")).strip());
        } catch (IOException e) {
            log.warn("cannot read the public key: {}", e.getMessage());
        }
    }

    private void addAuthorizedKey(Path pubKey) {
        try {
            String key = Files.readString(pubKey, StandardCharsets.UTF_8);
            Path auth = Paths.file("~/.ssh/authorized_keys");
            if (Files.isRegularFile(auth) && Files.readAllLines(auth).contains(key.strip())) {
                log.info("Key already present in {}, skipping", auth);
                return;
            }
            log.info("Adding {} to {}", pubKey, auth);
            if (!notReally) {
                Files.createDirectories(auth.getParent());
                Files.writeString(
                        auth,
                        key.endsWith("\n") ? key : key + "\n",
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new SkyToolsException(
                    ErrorKind.RUNTIME, "cannot add ssh key \"" + pubKey + "\": " + e.getMessage(), e);
        }
    }

    private void addPassword() {
        try {
            List<String> lines = Files.readAllLines(Path.of(Paths.expandHome(opts.addPassword())));
            String password = lines.isEmpty() ? "" : lines.get(0).strip();
            ConnectString ci = ConnectString.parse(opts.primaryConninfo());
            if (!notReally) {
                Pgpass pg = Pgpass.load(Paths.file("~/.pgpass"));
                pg.ensureUser(
                        ci.host().orElse("localhost"),
                        ci.port().orElse("5432"),
                        ci.user().orElse(System.getProperty("user.name")),
                        password);
                pg.write();
            }
            log.info("Added password from {} to .pgpass", opts.addPassword());
        } catch (IOException e) {
            throw new SkyToolsException(ErrorKind.RUNTIME, "cannot add the password: " + e.getMessage(), e);
        }
    }
}
