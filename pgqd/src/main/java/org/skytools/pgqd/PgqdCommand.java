package org.skytools.pgqd;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.skytools.common.cli.ScriptLauncher;
import org.skytools.common.cli.ScriptOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code pgqd CONFIG.ini [-d|-s|-k|-r|--ini|-v|-q|-V|-h]}: the PgQ ticker and maintenance daemon. */
@Command(
        name = "pgqd",
        versionProvider = PgqdVersion.class,
        description = {
            "Ticks every PgQ queue of the databases of one cluster, moves retry events back into their",
            "queues and runs queue maintenance (table rotation, vacuum)."
        })
public final class PgqdCommand implements Callable<Integer> {

    @Mixin
    ScriptOptions options;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", description = "Config file with a [pgqd] section.")
    Path config;

    @Override
    public Integer call() {
        return new ScriptLauncher(PgqdKeys.DEFINITION).run(options, config, PgqdScript::new);
    }
}
