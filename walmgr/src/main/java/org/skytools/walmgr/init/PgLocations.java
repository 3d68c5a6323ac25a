package org.skytools.walmgr.init;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.walmgr.config.Paths;

/**
 * Where a local PostgreSQL lives, guessed as SkyTools does for the {@code --init-*} commands: the
 * data directory from {@code --pgdata} or {@code $PGDATA}; binaries and config file from {@code
 * postmaster.opts} (the command line of the last start), else from PATH and the data directory.
 *
 * @param dataDir the data directory
 * @param binDir the directory of the server binaries
 * @param configFile postgresql.conf
 * @param startCmd a command that starts the server
 * @param stopCmd a command that stops it
 */
public record PgLocations(Path dataDir, Path binDir, Path configFile, String startCmd, String stopCmd) {

    /** Guesses the locations; {@code requireConfig} is false for a slave, whose config comes later. */
    public static PgLocations guess(String pgdataOption, boolean requireConfig) {
        String pgdata = pgdataOption != null && !pgdataOption.isEmpty() ? pgdataOption : System.getenv("PGDATA");
        if (pgdata == null || pgdata.isEmpty()) {
            throw new SkyToolsException(ErrorKind.USAGE, "cannot guess the data directory; give it with --pgdata=DIR");
        }
        Path data = Paths.file(pgdata);
        if (!Files.isDirectory(data)) {
            throw new SkyToolsException(ErrorKind.CONFIG, "Postgres data directory not found: " + data);
        }
        Path bin = null;
        Path conf = null;
        Path opts = data.resolve("postmaster.opts");
        if (Files.isRegularFile(opts)) {
            try {
                List<String> words = Arrays.stream(Files.readString(opts, StandardCharsets.UTF_8)
                                .strip()
                                .split("\\s+"))
                        .map(w -> w.replaceAll("^\"|\"$", ""))
                        .toList();
                if (!words.isEmpty()) {
                    bin = Path.of(words.get(0)).getParent();
                }
                for (String w : words) {
                    if (w.startsWith("config_file=")) {
                        conf = Path.of(w.substring("config_file=".length()));
                    }
                }
            } catch (IOException e) {
                // fall through to the guesses below
            }
        }
        if (bin == null) {
            bin = fromPath("postgres");
        }
        if (conf == null) {
            conf = data.resolve("postgresql.conf");
        }
        if (bin == null || !Files.isDirectory(bin)) {
            throw new SkyToolsException(ErrorKind.CONFIG, "Postgres bin directory not found; put it on PATH");
        }
        if (requireConfig && !Files.isRegularFile(conf)) {
            throw new SkyToolsException(ErrorKind.CONFIG, "Configuration file not found: " + conf);
        }
        String pgCtl = bin.resolve("pg_ctl") + " -D " + data;
        return new PgLocations(data, bin, conf, pgCtl + " -w start", pgCtl + " -m fast -w stop");
    }

    private static Path fromPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(":")) {
            Path exe = Path.of(Paths.expandHome(dir), program);
            if (Files.isExecutable(exe)) {
                return exe.getParent();
            }
        }
        return null;
    }
}
