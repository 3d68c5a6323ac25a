package org.skytools.walmgr.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every configuration key of the {@code [walmgr]} section, with its type, default and meaning.
 * The sample config printed by {@code --ini} and the key reference in the docs come from here.
 */
public enum WalmgrKey {
    JOB_NAME("job_name", Type.STRING, null, Side.BOTH, "name used in logs; defaults to the config file base name"),
    LOGFILE("logfile", Type.FILE, null, Side.BOTH, "log file; stderr only when unset"),
    PIDFILE("pidfile", Type.FILE, null, Side.BOTH, "pidfile of sync/syncdaemon, prevents concurrent syncs"),
    USE_SKYLOG("use_skylog", Type.INT, "0", Side.BOTH, "accepted for compatibility; logging is set up by walmgr"),
    LOOP_DELAY("loop_delay", Type.DOUBLE, "1.0", Side.MASTER, "seconds between syncs of syncdaemon"),

    MASTER_DB("master_db", Type.STRING, "dbname=template1", Side.MASTER, "libpq connect string of the master"),
    MASTER_DATA(
            "master_data", Type.FILE, null, Side.MASTER, "master data directory; its presence makes the node a master"),
    MASTER_CONFIG("master_config", Type.FILE, null, Side.MASTER, "path of the master's postgresql.conf"),
    MASTER_BIN("master_bin", Type.FILE, "", Side.MASTER, "directory of the master's PostgreSQL binaries"),
    MASTER_RESTART_CMD("master_restart_cmd", Type.STRING, "", Side.MASTER, "shell command that restarts the master"),
    SLAVE("slave", Type.STRING, "", Side.MASTER, "ssh host of the slave; empty means the slave is on this host"),
    SLAVE_CONFIG("slave_config", Type.FILE, null, Side.MASTER, "path of the slave's walmgr config on the slave host"),
    USE_XLOG_FUNCTIONS(
            "use_xlog_functions", Type.INT, "0", Side.MASTER, "1: sync ships the new bytes of the current WAL segment"),
    COMPRESSION("compression", Type.INT, "0", Side.MASTER, "1: rsync compresses data (-z)"),
    KEEP_SYMLINKS(
            "keep_symlinks",
            Type.INT,
            "1",
            Side.MASTER,
            "1: symlinked pg_wal and log directories stay symlinks on the slave"),
    HOT_STANDBY(
            "hot_standby",
            Type.BOOL,
            "0",
            Side.MASTER,
            "accepted for compatibility; setup always uses wal_level replica"),
    COMMAND_INTERVAL("command_interval", Type.INT, "0", Side.MASTER, "seconds between runs of periodic_command"),
    PERIODIC_COMMAND("periodic_command", Type.STRING, "", Side.MASTER, "shell command run from xarchive and periodic"),
    FAST_CHECKPOINT("fast_checkpoint", Type.BOOL, "0", Side.BOTH, "1: backups start with an immediate checkpoint"),

    WALMGR_DATA("walmgr_data", Type.FILE, null, Side.BOTH, "directory of WAL archive, backups and control files"),
    COMPLETED_WALS(
            "completed_wals",
            Type.LOCATION,
            null,
            Side.BOTH,
            "archive of completed WAL segments (host:path on a master)"),
    PARTIAL_WALS("partial_wals", Type.LOCATION, null, Side.BOTH, "copies of in-progress WAL segments"),
    FULL_BACKUP("full_backup", Type.LOCATION, null, Side.BOTH, "base backup directory; older sets get .0, .1, ..."),
    CONFIG_BACKUP("config_backup", Type.LOCATION, "", Side.BOTH, "copies of the master's *.conf files"),

    SLAVE_DATA("slave_data", Type.FILE, null, Side.SLAVE, "slave data directory"),
    SLAVE_BIN("slave_bin", Type.FILE, "", Side.SLAVE, "directory of the slave's PostgreSQL binaries"),
    SLAVE_STOP_CMD("slave_stop_cmd", Type.STRING, "", Side.SLAVE, "shell command that stops the slave server"),
    SLAVE_START_CMD("slave_start_cmd", Type.STRING, null, Side.SLAVE, "shell command that starts the slave server"),
    SLAVE_CONFIG_DIR("slave_config_dir", Type.FILE, "", Side.SLAVE, "where restore puts the backed-up config files"),
    SLAVE_PG_XLOG(
            "slave_pg_xlog", Type.FILE, "", Side.SLAVE, "directory that pg_wal of the restored data is linked to"),
    BACKUP_DATADIR(
            "backup_datadir",
            Type.BOOL,
            "1",
            Side.SLAVE,
            "1: restore moves the old data dir aside instead of deleting it"),
    KEEP_BACKUPS(
            "keep_backups",
            Type.INT,
            "0",
            Side.SLAVE,
            "backup sets to keep; 0 keeps one and xrestore purges applied WAL"),
    ARCHIVE_COMMAND(
            "archive_command",
            Type.STRING,
            "",
            Side.SLAVE,
            "run with $BACKUPDIR before an expired backup set is deleted"),
    PRIMARY_CONNINFO(
            "primary_conninfo",
            Type.STRING,
            "",
            Side.SLAVE,
            "connect string for streaming replication from the master"),

    WALMGR_COMMAND(
            "walmgr_command",
            Type.STRING,
            null,
            Side.BOTH,
            "command that runs walmgr on this host (default: this launcher)"),
    SSH_COMMAND("ssh_command", Type.STRING, "ssh", Side.MASTER, "remote shell for ssh and rsync, e.g. 'ssh -p 2222'"),
    NETWORK_TIMEOUT(
            "network_timeout",
            Type.INT,
            "30",
            Side.BOTH,
            "seconds before an unreachable remote host counts as a failure");

    /** How a key's value is read. */
    public enum Type {
        STRING,
        FILE,
        LOCATION,
        INT,
        DOUBLE,
        BOOL
    }

    /** Which node reads the key. */
    public enum Side {
        MASTER,
        SLAVE,
        BOTH
    }

    private final String key;
    private final Type type;
    private final String defaultValue;
    private final Side side;
    private final String description;

    WalmgrKey(String key, Type type, String defaultValue, Side side, String description) {
        this.key = key;
        this.type = type;
        this.defaultValue = defaultValue;
        this.side = side;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public Type type() {
        return type;
    }

    /** The default, or null when the key is required wherever it is used. */
    public String defaultValue() {
        return defaultValue;
    }

    public Side side() {
        return side;
    }

    public String description() {
        return description;
    }

    /** The descriptor of a config key name. */
    public static Optional<WalmgrKey> byName(String name) {
        return Arrays.stream(values()).filter(k -> k.key.equals(name)).findFirst();
    }
}
