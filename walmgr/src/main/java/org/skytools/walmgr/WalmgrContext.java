package org.skytools.walmgr;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.walmgr.config.Role;
import org.skytools.walmgr.config.WalmgrKey;
import org.skytools.walmgr.config.WalmgrSettings;
import org.skytools.walmgr.transfer.Exec;
import org.skytools.walmgr.transfer.Remote;

/**
 * What every walmgr command works with: the settings, the dry-run switch ({@code -n}), the
 * standard streams and the command line that runs walmgr itself (written into {@code
 * archive_command}/{@code restore_command} and run on the slave).
 */
public record WalmgrContext(
        WalmgrSettings settings, boolean notReally, InputStream in, PrintStream out, PrintStream err) {

    /** System property the launcher script sets to its own absolute path. */
    public static final String LAUNCHER_PROPERTY = "walmgr.launcher";

    /** Fails unless the config describes the given role: "Action not available on current node". */
    public void requireRole(Role wanted, String command) {
        Role actual = settings.role();
        if (actual != wanted) {
            String hint = actual == Role.MASTER
                    ? " (it names master_data); run it with the slave's config"
                    : " (it has no master_data); run it with the master's config";
            throw new SkyToolsException(
                    ErrorKind.USAGE,
                    "action not available on current node: \"" + command
                            + "\" is a " + wanted.label() + " command and " + settings.source() + " describes a "
                            + actual.label() + hint);
        }
    }

    public Remote remote() {
        return new Remote(
                settings.string(WalmgrKey.SSH_COMMAND),
                settings.integer(WalmgrKey.NETWORK_TIMEOUT),
                settings.integer(WalmgrKey.COMPRESSION) > 0);
    }

    public int networkTimeout() {
        return settings.integer(WalmgrKey.NETWORK_TIMEOUT);
    }

    /**
     * The shell command that starts walmgr: {@code walmgr_command}, else the launcher that started
     * this process, else this very JVM with its class path.
     */
    public String walmgrCommand() {
        return settings.optional(WalmgrKey.WALMGR_COMMAND).orElseGet(WalmgrContext::selfCommand);
    }

    static String selfCommand() {
        String launcher = System.getProperty(LAUNCHER_PROPERTY);
        if (launcher != null && !launcher.isBlank()) {
            return Exec.shellQuote(launcher);
        }
        // skytools-launch names the installation and the tool it started
        String home = System.getProperty("skytools.home");
        String tool = System.getProperty("skytools.tool");
        if (home != null && tool != null && java.nio.file.Files.isExecutable(Path.of(home, "bin", tool))) {
            return Exec.shellQuote(Path.of(home, "bin", tool).toString());
        }
        List<String> words = new ArrayList<>();
        words.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        words.add("-cp");
        words.add(System.getProperty("java.class.path"));
        words.add(Main.class.getName());
        return Exec.shellJoin(words);
    }

    /** The command line that runs walmgr with {@code args} (each word quoted for the shell). */
    public String walmgrCommandLine(List<String> args) {
        return walmgrCommand() + " " + Exec.shellJoin(args);
    }

    /** Escapes a command line for a PostgreSQL command setting, where {@code %} is special. */
    public static String forPgCommand(String commandLine) {
        return commandLine.replace("%", "%%");
    }

    /** This config's absolute path as the slave/master commands refer to it. */
    public String configPath() {
        if (settings.configFile() == null) {
            throw new SkyToolsException(ErrorKind.USAGE, "this command needs a config file");
        }
        return settings.configFile().toString();
    }
}
