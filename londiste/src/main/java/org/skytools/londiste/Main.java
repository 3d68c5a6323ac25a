package org.skytools.londiste;

import org.skytools.common.cli.ScriptCommandLine;
import org.skytools.londiste.cli.CommandCatalog;
import org.skytools.londiste.cli.LondisteCommand;
import picocli.CommandLine;

/** Entry point of the londiste executable: {@code londiste CONFIG.ini COMMAND [args]}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs one command line; returns the exit code. */
    public static int execute(String... args) {
        CommandLine line = ScriptCommandLine.create(new LondisteCommand());
        line.getCommandSpec().usageMessage().footer(CommandCatalog.helpLines());
        return line.execute(args);
    }
}
