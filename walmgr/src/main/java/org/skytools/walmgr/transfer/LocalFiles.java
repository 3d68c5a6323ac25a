package org.skytools.walmgr.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Durable local file operations: fsync, atomic replace, content comparison, ownership. */
public final class LocalFiles {
    private LocalFiles() {}

    /** Flushes a file or directory to disk. */
    public static void fsync(Path path) throws IOException {
        boolean dir = Files.isDirectory(path);
        try (FileChannel ch = FileChannel.open(path, dir ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems refuse to open or sync directories; the file itself was synced
            if (!dir) {
                throw e;
            }
        }
    }

    /**
     * Copies {@code source} to {@code target} so that {@code target} appears complete or not at
     * all: the copy goes to a hidden temporary name in the target directory, is synced, then
     * hard-linked to the final name (which fails if that name exists) and the directory synced.
     *
     * @return false when {@code target} already existed (nothing was changed)
     */
    public static boolean copyNoClobber(Path source, Path target) throws IOException {
        Path tmp = target.resolveSibling(
                "." + target.getFileName() + ".tmp" + ProcessHandle.current().pid());
        try {
            Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
            fsync(tmp);
            try {
                Files.createLink(target, tmp);
            } catch (FileAlreadyExistsException e) {
                return false;
            }
            fsync(target.getParent());
            return true;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes text through a temporary file and a rename, keeping the old file's owner and mode. */
    public static void writeAtomically(Path target, String text) throws IOException {
        writeAtomically(target, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void writeAtomically(Path target, byte[] data) throws IOException {
        Path tmp = target.resolveSibling(
                "." + target.getFileName() + ".tmp" + ProcessHandle.current().pid());
        try {
            Files.write(tmp, data);
            if (Files.exists(target)) {
                copyOwnerAndMode(target, tmp);
            }
            fsync(tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            fsync(target.toAbsolutePath().getParent());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** True when two files have the same bytes. */
    public static boolean sameContent(Path a, Path b) throws IOException {
        if (Files.size(a) != Files.size(b)) {
            return false;
        }
        try (InputStream ia = Files.newInputStream(a);
                InputStream ib = Files.newInputStream(b)) {
            byte[] ba = new byte[1 << 16];
            byte[] bb = new byte[1 << 16];
            while (true) {
                int na = ia.readNBytes(ba, 0, ba.length);
                int nb = ib.readNBytes(bb, 0, bb.length);
                if (na != nb || !Arrays.equals(ba, 0, na, bb, 0, nb)) {
                    return false;
                }
                if (na == 0) {
                    return true;
                }
            }
        }
    }

    private static void copyOwnerAndMode(Path from, Path to) throws IOException {
        PosixFileAttributes a = Files.readAttributes(from, PosixFileAttributes.class);
        Files.setPosixFilePermissions(to, a.permissions());
        if (isRoot()) {
            PosixFileAttributeView view = Files.getFileAttributeView(to, PosixFileAttributeView.class);
            view.setOwner(a.owner());
            view.setGroup(a.group());
        }
    }

    /** True when this process runs as root (and so must hand files it creates to the server user). */
    public static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /**
     * When running as root, gives {@code tree} (recursively) to the owner of {@code reference}; a
     * server running as {@code postgres} cannot use files root created in its data directory.
     */
    public static void matchOwner(Path tree, Path reference) throws IOException {
        if (!isRoot() || !Files.exists(tree)) {
            return;
        }
        PosixFileAttributes ref = Files.readAttributes(reference, PosixFileAttributes.class);
        UserPrincipal owner = ref.owner();
        GroupPrincipal group = ref.group();
        if ("root".equals(owner.getName())) {
            return;
        }
        try (Stream<Path> all = Files.walk(tree)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                PosixFileAttributeView view =
                        Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
                view.setOwner(owner);
                view.setGroup(group);
            }
        }
    }

    /** Deletes a directory tree; symlinks are removed, not followed. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            List<Path> paths =
                    all.sorted((x, y) -> y.getNameCount() - x.getNameCount()).toList();
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        }
    }
}
