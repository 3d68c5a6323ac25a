package org.skytools.common.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.skytools.common.error.SkyToolsException;

/**
 * libpq's connection service file ({@code pg_service.conf}): INI sections named after services,
 * each holding {@code keyword=value} lines; {@code #} starts a comment.
 */
final class PgServiceFile {
    private final Path path;

    PgServiceFile(Path path) {
        this.path = path;
    }

    /** The keyword/value pairs of {@code service}, or empty when the file or section is missing. */
    Optional<Map<String, String>> find(String service) {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw SkyToolsException.config("cannot read service file \"" + path + "\": " + e.getMessage());
        }
        Map<String, String> found = null;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (found != null) {
                    break;
                }
                int close = line.indexOf(']');
                if (close > 0 && line.substring(1, close).equals(service)) {
                    found = new LinkedHashMap<>();
                }
                continue;
            }
            if (found == null) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw syntax(n, "missing \"=\"");
            }
            String key = line.substring(0, eq).strip();
            if (key.equals("service")) {
                throw syntax(n, "nested \"service\" is not allowed");
            }
            if (!LibpqKeys.isKnown(key)) {
                throw syntax(n, "unknown key \"" + key + "\"");
            }
            found.put(key, line.substring(eq + 1).strip());
        }
        return Optional.ofNullable(found);
    }

    private SkyToolsException syntax(int lineIndex, String what) {
        return SkyToolsException.config(
                "service file \"" + path + "\" line " + (lineIndex + 1) + " is invalid: " + what);
    }
}
