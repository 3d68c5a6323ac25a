package org.skytools.common.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libpq's password file ({@code ~/.pgpass} or {@code PGPASSFILE}): lines of {@code
 * hostname:port:database:username:password}, where {@code *} matches anything, {@code \:} and
 * {@code \\} escape, and {@code #} starts a comment. The first matching line wins. A file that
 * group or others can access is ignored with a warning, as libpq does.
 */
final class PgPassFile {
    private static final Logger log = LoggerFactory.getLogger(PgPassFile.class);

    private final Path path;

    PgPassFile(Path path) {
        this.path = path;
    }

    /** Whether the file exists as a regular file. */
    boolean exists() {
        return Files.isRegularFile(path);
    }

    /** Whether the file is private to its owner; logs a warning (as libpq does) when it is not. */
    boolean isPrivate() {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
            for (PosixFilePermission p : perms) {
                if (p != PosixFilePermission.OWNER_READ
                        && p != PosixFilePermission.OWNER_WRITE
                        && p != PosixFilePermission.OWNER_EXECUTE) {
                    log.warn(
                            "password file \"{}\" has group or world access and is ignored;"
                                    + " permissions should be u=rw (0600) or less",
                            path);
                    return false;
                }
            }
            return true;
        } catch (UnsupportedOperationException e) {
            return true;
        } catch (IOException e) {
            log.warn("cannot read password file \"{}\": {}", path, e.getMessage());
            return false;
        }
    }

    /** The password of the first line matching all four fields, if any. */
    Optional<String> find(String host, String port, String dbname, String user) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.warn("cannot read password file \"{}\": {}", path, e.getMessage());
            return Optional.empty();
        }
        for (String line : lines) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = split(line);
            if (fields.size() < 5) {
                continue;
            }
            if (matches(fields.get(0), host)
                    && matches(fields.get(1), port)
                    && matches(fields.get(2), dbname)
                    && matches(fields.get(3), user)) {
                return Optional.of(fields.get(4));
            }
        }
        return Optional.empty();
    }

    private static boolean matches(String field, String value) {
        return field.equals("*") || field.equals(value);
    }

    // Splits at unescaped colons into at most five fields; the password keeps any further colons.
    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>(5);
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(++i));
            } else if (c == ':' && fields.size() < 4) {
                fields.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        fields.add(cur.toString());
        return fields;
    }
}
