package org.skytools.walmgr.pg;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.walmgr.transfer.Exec;
import org.skytools.walmgr.transfer.LocalFiles;

/** A {@code postgresql.conf} on disk: read, edit as {@link PgConfText}, then write or show a diff. */
public final class PgConfFile {
    private final Path file;
    private final String original;
    private final PgConfText text;

    private PgConfFile(Path file, String original) {
        this.file = file;
        this.original = original;
        this.text = new PgConfText(original);
    }

    public static PgConfFile read(Path file) {
        try {
            return new PgConfFile(file, Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw SkyToolsException.config(
                    "PostgreSQL config file \"" + file + "\" does not exist; check master_config");
        } catch (IOException e) {
            throw new SkyToolsException(ErrorKind.RUNTIME, "cannot read \"" + file + "\": " + e.getMessage(), e);
        }
    }

    public PgConfText text() {
        return text;
    }

    public Path file() {
        return file;
    }

    public boolean changed() {
        return !original.equals(text.text());
    }

    /** Writes the edited text back (keeping owner and mode), or with {@code notReally} prints a diff. */
    public void save(boolean notReally, PrintStream out) {
        if (!changed()) {
            return;
        }
        if (notReally) {
            out.print(diff());
            return;
        }
        try {
            LocalFiles.writeAtomically(file, text.text());
        } catch (IOException e) {
            throw new SkyToolsException(ErrorKind.RUNTIME, "cannot write \"" + file + "\": " + e.getMessage(), e);
        }
    }

    /** A unified diff of the pending change, from {@code diff -u}. */
    public String diff() {
        try {
            Path tmp = Files.createTempFile("postgresql.conf", ".new");
            try {
                Files.writeString(tmp, text.text(), StandardCharsets.UTF_8);
                Exec.Result r = Exec.run(List.of("diff", "-u", file.toString(), tmp.toString()), Map.of(), 30);
                return r.stdout();
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            return "--- " + file + "\n+++ (new)\n" + text.text();
        }
    }
}
