package org.skytools.qadmin;

import org.skytools.common.cli.ScriptCommandLine;
import org.skytools.common.log.LogSettings;
import org.skytools.common.log.LogSetup;
import org.slf4j.event.Level;

/** Entry point of the {@code qadmin} launcher. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // the console prints its own results; only warnings from the libraries reach stderr
        LogSetup.apply(LogSettings.console("qadmin", Level.WARN, true));
        System.exit(ScriptCommandLine.execute(new QadminCommand(), args));
    }
}
