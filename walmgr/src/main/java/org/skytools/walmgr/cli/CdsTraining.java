package org.skytools.walmgr.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.skytools.walmgr.Main;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.SkyConfigs;
import org.skytools.walmgr.master.XArchive;
import org.skytools.walmgr.slave.XRestore;
import org.skytools.walmgr.transfer.LocalFiles;

/**
 * The training run for walmgr's class-data-sharing archive: archives and restores one segment in
 * a temporary directory and builds the command-line model, so the archive holds the classes of
 * the per-segment commands and of every other command. The launcher runs it with {@code
 * -XX:ArchiveClassesAtExit}.
 */
public final class CdsTraining {
    private CdsTraining() {}

    public static void main(String[] args) throws IOException {
        // the per-segment commands log through the light back end, as FastPath chooses it
        System.setProperty("slf4j.provider", StderrLoggerProvider.class.getName());
        System.setProperty("slf4j.internal.verbosity", "WARN");
        Path dir = Files.createTempDirectory("walmgr-cds");
        try {
            Path data = Files.createDirectories(dir.resolve("data"));
            Files.writeString(data.resolve("PG_VERSION"), "15\n");
            Path archive = Files.createDirectories(dir.resolve("ws/logs.complete"));
            Files.createDirectories(dir.resolve("ws/logs.partial"));
            Path master = dir.resolve("master.ini");
            Files.writeString(
                    master,
                    "[walmgr]\nmaster_data = " + data + "\nwalmgr_data = %(config_dir)s/ws\n"
                            + "completed_wals = %(walmgr_data)s/logs.complete\n");
            Path slave = dir.resolve("slave.ini");
            Files.writeString(
                    slave,
                    "[walmgr]\nslave_data = " + data + "\nwalmgr_data = %(config_dir)s/ws\n"
                            + "completed_wals = %(walmgr_data)s/logs.complete\npartial_wals = %(walmgr_data)s/logs.partial\n"
                            + "keep_backups = 1\n");
            Path segment = dir.resolve("segment");
            Files.write(segment, new byte[8192]);
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
            String name = "000000010000000000000001";
            new XArchive(context(master, quiet)).archive(segment.toString(), name);
            new XRestore(context(slave, quiet), () -> true)
                    .restore(name, dir.resolve("RECOVERYXLOG").toString(), name);
            warmLogback();
            Main.execute(new String[] {"--help"}, new ByteArrayInputStream(new byte[0]), quiet, quiet);
            Main.execute(
                    new String[] {slave.toString(), "listbackups"},
                    new ByteArrayInputStream(new byte[0]),
                    quiet,
                    quiet);
            Files.exists(archive.resolve(name));
        } finally {
            LocalFiles.deleteTree(dir);
        }
    }

    /** Loads the logback classes the other commands use, without binding SLF4J to logback. */
    private static void warmLogback() {
        LoggerContext lc = new LoggerContext();
        new ConsoleLogConfigurator().configure(lc);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(lc);
        encoder.setPattern("%d{\"yyyy-MM-dd HH:mm:ss,SSS\"} %level %X{job_name:--} %msg%n");
        encoder.start();
        lc.getLogger(CdsTraining.class).debug("warm-up");
        lc.stop();
    }

    private static WalmgrContext context(Path ini, PrintStream quiet) {
        return new WalmgrContext(
                SkyConfigs.settings(SkyConfigs.read(ini, Map.of())),
                false,
                new ByteArrayInputStream(new byte[0]),
                quiet,
                quiet);
    }
}
