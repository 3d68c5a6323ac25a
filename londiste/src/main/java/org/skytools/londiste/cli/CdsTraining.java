package org.skytools.londiste.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.skytools.common.cli.ClassPreloader;
import org.skytools.londiste.Main;

/**
 * The training run for londiste's class-data-sharing archive: help, the config template and two
 * commands against a database that refuses the connection, so the archive holds the command-line
 * model, the config, logging and the JDBC driver; then every class of the product and of the
 * driver's core is loaded, for the worker's paths. The launcher runs it with {@code
 * -XX:DumpLoadedClassList} and dumps the classes it loaded into the archive; every later command
 * starts from the archive.
 */
public final class CdsTraining {
    private CdsTraining() {}

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("londiste-cds");
        PrintStream out = System.out;
        PrintStream err = System.err;
        try (PrintStream quiet = new PrintStream(OutputStream.nullOutputStream())) {
            System.setOut(quiet);
            System.setErr(quiet);
            Path ini = dir.resolve("cds.ini");
            Files.writeString(
                    ini,
                    "[londiste3]\njob_name = cds_training\n"
                            + "db = host=127.0.0.1 port=1 dbname=cds user=cds connect_timeout=2\n"
                            + "queue_name = cds_training\nlogfile = %(config_dir)s/cds.log\n");
            Main.execute("--help");
            Main.execute(ini.toString(), "--ini");
            Main.execute(ini.toString(), "tables");
            Main.execute(ini.toString(), "status");
            // the worker's replay and copy paths, which a training without servers cannot reach
            ClassPreloader.load(List.of("org/skytools/", "org/postgresql/core/", "org/postgresql/jdbc/"));
        } finally {
            System.setOut(out);
            System.setErr(err);
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
