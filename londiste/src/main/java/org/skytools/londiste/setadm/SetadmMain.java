package org.skytools.londiste.setadm;

import org.skytools.common.cli.ScriptCommandLine;
import picocli.CommandLine;

/** Entry point of setadm: {@code setadm CONFIG.ini COMMAND [args]}, the admin of any cascaded queue. */
public final class SetadmMain {
    private SetadmMain() {}

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs one command line; returns the exit code. */
    public static int execute(String... args) {
        CommandLine line = ScriptCommandLine.create(new SetadmCommand());
        line.getCommandSpec().usageMessage().footer(SetadmCommand.helpLines());
        return line.execute(args);
    }
}
