package org.skytools.walmgr.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.skytools.common.cli.ScriptOptions;
import org.skytools.common.cli.VersionProvider;
import org.skytools.common.config.SkyConfig;
import org.skytools.common.error.SkyToolsException;
import org.skytools.common.log.LogSettings;
import org.skytools.common.log.LogSetup;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.SkyConfigs;
import org.skytools.walmgr.config.WalmgrKey;
import org.skytools.walmgr.config.WalmgrSchema;
import org.skytools.walmgr.config.WalmgrSettings;
import org.skytools.walmgr.init.InitConfig;
import org.skytools.walmgr.init.InitOptions;
import org.skytools.walmgr.init.PgLocations;
import org.skytools.walmgr.master.SynchStandby;
import org.slf4j.MDC;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/**
 * {@code walmgr CONFIG.ini COMMAND [args]}, or without a config {@code walmgr --init-master --slave
 * HOST}, {@code walmgr --init-slave}, {@code walmgr --synch-standby NAMES}. The node's role comes
 * from the config: a master config names {@code master_data}. The shared SkyTools switches are
 * accepted before and after the command.
 */
@Command(
        name = "walmgr",
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "WAL shipping: archiving, base backups, standby restore and boot.",
        subcommands = {
            SetupCommand.class,
            StopCommand.class,
            BackupCommand.class,
            SyncCommand.class,
            SyncDaemonCommand.class,
            PeriodicCommand.class,
            SynchStandbyCommand.class,
            RestoreCommand.class,
            BootCommand.class,
            PauseCommand.class,
            ContinueCommand.class,
            CreateSlaveCommand.class,
            ListBackupsCommand.class,
            CleanupCommand.class,
            XArchiveCommand.class,
            XRestoreCommand.class,
            XLockCommand.class,
            XReleaseCommand.class,
            XRotateCommand.class,
            XPurgeWalsCommand.class,
            XPartialSyncCommand.class
        })
public final class WalmgrCommand implements Callable<Integer> {

    @Mixin
    ScriptOptions script;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "CONFIG.ini",
            description = "walmgr config file ([walmgr] section)")
    Path config;

    @Option(
            names = {"-n", "--not-really"},
            scope = ScopeType.INHERIT,
            description = "Show what would be done (diffs of config edits), change nothing.")
    boolean notReally;

    @Option(names = "--init-master", description = "Write a master config for the local PostgreSQL.")
    boolean initMaster;

    @Option(names = "--init-slave", description = "Write a slave config for the local PostgreSQL.")
    boolean initSlave;

    @Option(
            names = "--config-dir",
            paramLabel = "DIR",
            defaultValue = "~/conf",
            description = "Where --init-* write the config.")
    String configDir;

    @Option(names = "--slave", paramLabel = "HOST", description = "Slave host name (--init-master).")
    String slave;

    @Option(names = "--pgdata", paramLabel = "DIR", description = "PostgreSQL data directory.")
    String pgdata;

    @Option(names = "--ssh-keygen", description = "Master: generate an ssh key pair if needed.")
    boolean sshKeygen;

    @Option(
            names = "--ssh-add-key",
            paramLabel = "PUBKEYFILE",
            description = "Slave: add a public key to authorized_keys.")
    String sshAddKey;

    @Option(
            names = "--ssh-remove-key",
            scope = ScopeType.INHERIT,
            paramLabel = "SUBSTRING",
            description = "Slave (cleanup): remove the master's key from authorized_keys.")
    String sshRemoveKey;

    @Option(
            names = "--primary-conninfo",
            paramLabel = "CONNSTR",
            description = "Slave: connect string of the streaming master.")
    String primaryConninfo;

    @Option(
            names = "--add-password",
            paramLabel = "FILE",
            description = "Slave: add the replication password in FILE to .pgpass.")
    String addPassword;

    @Option(
            names = "--remove-password",
            scope = ScopeType.INHERIT,
            description = "Slave (cleanup): remove the replication line from .pgpass.")
    boolean removePassword;

    @Option(
            names = "--synch-standby",
            paramLabel = "NAMES",
            description = "Master: set synchronous_standby_names without a config.")
    String synchStandby;

    InputStream in = System.in;
    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        if (script.ini()) {
            return printIni(script);
        }
        if (initMaster || initSlave) {
            InitOptions o = new InitOptions(
                    configDir, slave, pgdata, sshKeygen, sshAddKey, primaryConninfo, addPassword, script.overrides());
            InitConfig init = new InitConfig(o, notReally);
            Path written = initMaster ? init.initMaster() : init.initSlave();
            out.println(written);
            return 0;
        }
        if (synchStandby != null) {
            PgLocations pg = PgLocations.guess(pgdata, true);
            Map<String, String> v = new LinkedHashMap<>(script.overrides());
            v.putIfAbsent(WalmgrKey.MASTER_CONFIG.key(), pg.configFile().toString());
            v.putIfAbsent(WalmgrKey.MASTER_DATA.key(), pg.dataDir().toString());
            v.putIfAbsent(WalmgrKey.MASTER_DB.key(), "dbname=template1");
            WalmgrSettings settings = WalmgrSettings.of(null, v);
            new SynchStandby(new WalmgrContext(settings, notReally, in, out, err)).run(synchStandby);
            return 0;
        }
        throw SkyToolsException.usage(
                config == null
                        ? "no config file given; usage: walmgr CONFIG.ini COMMAND [args], see walmgr --help"
                        : "no command given; usage: walmgr " + config + " COMMAND [args], see walmgr --help");
    }

    /** {@code --ini}: the sample config from the key descriptors. */
    int printIni(ScriptOptions sub) {
        out.print(WalmgrSchema.DEFINITION.schema().renderIni(SkyConfigs.SECTION, overrides(sub)));
        out.flush();
        return 0;
    }

    /** The {@code --set} values given before and after the command. */
    Map<String, String> overrides(ScriptOptions sub) {
        Map<String, String> all = new LinkedHashMap<>(script.overrides());
        if (sub != null) {
            all.putAll(sub.overrides());
        }
        return all;
    }

    /**
     * Loads and validates the config named on the command line, adds its {@code logfile} to the
     * logging the framework set up from {@code -q}/{@code -v}, and returns the command context.
     */
    WalmgrContext context(ScriptOptions sub) {
        SkyConfig cfg = loadConfig(sub);
        return new WalmgrContext(WalmgrSchema.settings(cfg), notReally, in, out, err);
    }

    SkyConfig loadConfig(ScriptOptions sub) {
        if (config == null) {
            throw SkyToolsException.usage("this command needs a config file: walmgr CONFIG.ini COMMAND");
        }
        SkyConfig cfg = SkyConfigs.read(config, overrides(sub));
        SkyConfigs.createLogDirectories(cfg);
        LogSetup.apply(LogSettings.from(cfg, LogSettings.levelFor(quiet(sub), verbosity(sub)), true));
        MDC.put("job_name", cfg.jobName());
        WalmgrSchema.DEFINITION.schema().validate(cfg);
        return cfg;
    }

    private boolean quiet(ScriptOptions sub) {
        return script.quiet() || (sub != null && sub.quiet());
    }

    private int verbosity(ScriptOptions sub) {
        return Math.max(script.verbosity(), sub == null ? 0 : sub.verbosity());
    }

    /** Sets the streams commands read and write. */
    public void streams(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }
}
