package org.skytools.pgqd;

import org.skytools.common.cli.ScriptCommandLine;

/** Entry point of the {@code pgqd} launcher. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(ScriptCommandLine.execute(new PgqdCommand(), args));
    }
}
