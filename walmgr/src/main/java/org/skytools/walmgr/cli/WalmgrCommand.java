package org.skytools.walmgr.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.IniConfigLoader;
import org.skytools.walmgr.config.WalmgrKey;
import org.skytools.walmgr.config.WalmgrSettings;
import org.skytools.walmgr.init.InitConfig;
import org.skytools.walmgr.init.InitOptions;
import org.skytools.walmgr.init.PgLocations;
import org.skytools.walmgr.master.SynchStandby;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code walmgr CONFIG.ini COMMAND [args]}, or without a config {@code walmgr --init-master --slave
 * HOST}, {@code walmgr --init-slave}, {@code walmgr --synch-standby NAMES}. The node's role comes
 * from the config: a master config names {@code master_data}.
 */
@Command(
        name = "walmgr",
        mixinStandardHelpOptions = true,
        versionProvider = WalmgrVersion.class,
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

    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "CONFIG.ini",
            description = "walmgr config file ([walmgr] section)")
    Path config;

    @Option(
            names = {"-n", "--not-really"},
            scope = ScopeType.INHERIT,
            description = "show what would be done, change nothing")
    boolean notReally;

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description = "more output (twice: trace)")
    boolean[] verbose = new boolean[0];

    @Option(
            names = {"-q", "--quiet"},
            scope = ScopeType.INHERIT,
            description = "only warnings and errors")
    boolean quiet;

    @Option(names = "--set", scope = ScopeType.INHERIT, paramLabel = "KEY=VALUE", description = "override a config key")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--ini", description = "print a sample config with every key")
    boolean ini;

    @Option(names = "--init-master", description = "write a master config for the local PostgreSQL")
    boolean initMaster;

    @Option(names = "--init-slave", description = "write a slave config for the local PostgreSQL")
    boolean initSlave;

    @Option(
            names = "--config-dir",
            paramLabel = "DIR",
            defaultValue = "~/conf",
            description = "where --init-* write the config")
    String configDir;

    @Option(names = "--slave", paramLabel = "HOST", description = "slave host name (--init-master)")
    String slave;

    @Option(names = "--pgdata", paramLabel = "DIR", description = "PostgreSQL data directory")
    String pgdata;

    @Option(names = "--ssh-keygen", description = "master: generate an ssh key pair if needed")
    boolean sshKeygen;

    @Option(
            names = "--ssh-add-key",
            paramLabel = "PUBKEYFILE",
            description = "slave: add public key to authorized_keys")
    String sshAddKey;

    @Option(
            names = "--ssh-remove-key",
            scope = ScopeType.INHERIT,
            paramLabel = "SUBSTRING",
            description = "slave (cleanup): remove the master's key from authorized_keys")
    String sshRemoveKey;

    @Option(
            names = "--primary-conninfo",
            paramLabel = "CONNSTR",
            description = "slave: connect string of the streaming master")
    String primaryConninfo;

    @Option(
            names = "--add-password",
            paramLabel = "FILE",
            description = "slave: add the replication password from FILE to .pgpass")
    String addPassword;

    @Option(
            names = "--remove-password",
            scope = ScopeType.INHERIT,
            description = "slave (cleanup): remove the .pgpass line")
    boolean removePassword;

    @Option(
            names = "--synch-standby",
            paramLabel = "NAMES",
            description = "master: set synchronous_standby_names without a config")
    String synchStandby;

    @Option(
            names = {"-d", "--daemon"},
            scope = ScopeType.INHERIT,
            description = "syncdaemon: run in the background")
    boolean daemon;

    @Option(
            names = {"-s", "--stop"},
            scope = ScopeType.INHERIT,
            description = "stop the running syncdaemon (SIGINT)")
    boolean stop;

    @Option(
            names = {"-k", "--kill"},
            scope = ScopeType.INHERIT,
            description = "kill the running syncdaemon (SIGTERM)")
    boolean kill;

    @Option(
            names = {"-r", "--reload"},
            scope = ScopeType.INHERIT,
            description = "reload the running syncdaemon (SIGHUP)")
    boolean reload;

    /** The command line as given, for {@code -d} to start the same command in the background. */
    java.util.List<String> args = java.util.List.of();

    InputStream in = System.in;
    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        LogSetup.level(verbose.length, quiet);
        if (ini) {
            out.print(SampleConfig.text());
            return 0;
        }
        if (initMaster || initSlave) {
            InitOptions o = new InitOptions(
                    configDir, slave, pgdata, sshKeygen, sshAddKey, primaryConninfo, addPassword, overrides);
            InitConfig init = new InitConfig(o, notReally);
            Path written = initMaster ? init.initMaster() : init.initSlave();
            out.println(written);
            return 0;
        }
        if (synchStandby != null) {
            PgLocations pg = PgLocations.guess(pgdata, true);
            Map<String, String> v = new LinkedHashMap<>(overrides);
            v.putIfAbsent(WalmgrKey.MASTER_CONFIG.key(), pg.configFile().toString());
            v.putIfAbsent(WalmgrKey.MASTER_DATA.key(), pg.dataDir().toString());
            v.putIfAbsent(WalmgrKey.MASTER_DB.key(), "dbname=template1");
            new SynchStandby(new WalmgrContext(IniConfigLoader.fromMap("walmgr", v), notReally, in, out, err))
                    .run(synchStandby);
            return 0;
        }
        throw new SkyToolsException(
                ErrorKind.USAGE,
                config == null
                        ? "no config file given; usage: walmgr CONFIG.ini COMMAND [args], see walmgr --help"
                        : "no command given; usage: walmgr " + config + " COMMAND [args], see walmgr --help");
    }

    /** Loads the config named on the command line and sets up logging for a command. */
    WalmgrContext context() {
        LogSetup.level(verbose.length, quiet);
        if (config == null) {
            throw new SkyToolsException(ErrorKind.USAGE, "this command needs a config file: walmgr CONFIG.ini COMMAND");
        }
        WalmgrSettings settings = IniConfigLoader.load(config, overrides);
        settings.optionalFile(WalmgrKey.LOGFILE).ifPresent(LogSetup::logfile);
        return new WalmgrContext(settings, notReally, in, out, err);
    }

    /** Sets the original arguments and the streams commands read and write. */
    public void configure(java.util.List<String> originalArgs, InputStream in, PrintStream out, PrintStream err) {
        this.args = java.util.List.copyOf(originalArgs);
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /** True with {@code -v}: errors come with their stack trace. */
    public boolean isVerbose() {
        return verbose.length > 0;
    }
}
