package org.skytools.walmgr.cli;

import org.skytools.common.cli.ScriptDefinition;
import org.skytools.common.cli.ScriptLauncher;
import org.skytools.common.cli.ScriptOptions;
import org.skytools.common.error.SkyToolsException;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.Role;
import org.skytools.walmgr.config.WalmgrSchema;
import org.skytools.walmgr.master.SyncScript;

/**
 * {@code sync} and {@code syncdaemon} run through the script framework's launcher: pidfile,
 * {@code -d}, {@code -r/-s/-k}, signals and, for the daemon, the loop with {@code loop_delay}.
 */
abstract class SyncLauncher extends WalmgrSubcommand {
    private final boolean daemon;

    SyncLauncher(boolean daemon) {
        this.daemon = daemon;
    }

    @Override
    public Integer call() {
        ScriptOptions options = switches();
        if (!options.ini()) {
            // refuse a slave config before the launcher takes the pidfile or detaches
            root.context(script).requireRole(Role.MASTER, daemon ? "syncdaemon" : "sync");
        }
        ScriptDefinition definition = daemon ? WalmgrSchema.DEFINITION : WalmgrSchema.DEFINITION.runningOnce();
        return new ScriptLauncher(definition)
                .run(
                        options,
                        root.config,
                        config -> new SyncScript(
                                new WalmgrContext(
                                        WalmgrSchema.settings(config), root.notReally, root.in, root.out, root.err),
                                daemon));
    }

    /** The shared switches: given either before or after the command, not split between both. */
    private ScriptOptions switches() {
        boolean before = used(root.script);
        boolean after = used(script);
        if (before && after) {
            throw SkyToolsException.usage("give the switches of " + (daemon ? "syncdaemon" : "sync")
                    + " either before or after the command, not on both sides");
        }
        return before ? root.script : script;
    }

    private static boolean used(ScriptOptions o) {
        return o.daemon()
                || o.control().isPresent()
                || o.ini()
                || !o.overrides().isEmpty()
                || o.quiet()
                || o.verbosity() > 0;
    }

    @Override
    int run(WalmgrContext ctx) {
        throw new IllegalStateException("runs through the launcher");
    }
}
