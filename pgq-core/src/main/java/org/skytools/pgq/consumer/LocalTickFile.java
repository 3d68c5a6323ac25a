package org.skytools.pgq.consumer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import org.skytools.common.config.SkyConfig;
import org.skytools.common.error.SkyToolsException;

/**
 * The file where a {@link LocalConsumer} keeps its last applied tick ({@code local_tracking_file}):
 * the tick id as text. Written to a temporary file, synced and renamed over the old one, so a
 * crash leaves either the old or the new tick, never a torn file.
 */
public final class LocalTickFile {
    private final Path path;

    /** The tick file at {@code path}; its directory must exist when a tick is saved. */
    public LocalTickFile(Path path) {
        this.path = path;
    }

    /** The file named by {@code local_tracking_file}, by default {@code ~/state/<job_name>.tick}. */
    public static LocalTickFile fromConfig(SkyConfig cf) {
        Path file = ConsumerKeys.LOCAL_TRACKING_FILE
                .find(cf)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), "state", cf.jobName() + ".tick"));
        return new LocalTickFile(file);
    }

    /** The file's location. */
    public Path path() {
        return path;
    }

    /** The stored tick, or empty when the file is missing or empty. */
    public OptionalLong load() {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            throw SkyToolsException.state("cannot read local tracking file \"" + path + "\": " + e.getMessage());
        }
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw SkyToolsException.state("local tracking file \"" + path + "\" does not hold a tick id but \"" + text
                    + "\"; fix or delete it (--reset)");
        }
    }

    /** Stores {@code tick} atomically. */
    public void save(long tick) {
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(
                    tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(Long.toString(tick).getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
            try {
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (NoSuchFileException e) {
            throw SkyToolsException.config("cannot write local tracking file \"" + path
                    + "\": its directory does not exist; create it or set local_tracking_file");
        } catch (IOException e) {
            throw SkyToolsException.state("cannot write local tracking file \"" + path + "\": " + e.getMessage());
        }
    }

    /** Deletes the file; true when there was one. */
    public boolean delete() {
        try {
            return Files.deleteIfExists(path);
        } catch (IOException e) {
            throw SkyToolsException.state("cannot delete local tracking file \"" + path + "\": " + e.getMessage());
        }
    }
}
