package org.skytools.walmgr.pg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields of a {@code backup_label} (or {@code backup_label.old}) walmgr reads: the first WAL
 * file the backup needs, the start time and the label.
 */
public record BackupLabel(String firstWal, String startTime, String label) {
    private static final Pattern START_WAL =
            Pattern.compile("^START WAL LOCATION: \\S+ \\(file ([0-9A-F]+)\\)$", Pattern.MULTILINE);
    private static final Pattern START_TIME = Pattern.compile("^START TIME: (.*)$", Pattern.MULTILINE);
    private static final Pattern LABEL = Pattern.compile("^LABEL: (.*)$", Pattern.MULTILINE);

    public static BackupLabel parse(String text) {
        return new BackupLabel(find(START_WAL, text), find(START_TIME, text), find(LABEL, text));
    }

    /** Reads {@code backup_label}, else {@code backup_label.old}, from a backup directory. */
    public static Optional<BackupLabel> read(Path dir) {
        for (String name : new String[] {"backup_label", "backup_label.old"}) {
            Path f = dir.resolve(name);
            if (Files.isRegularFile(f)) {
                try {
                    return Optional.of(parse(Files.readString(f, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** True when a directory holds a label, so it counts as a backup set. */
    public static boolean isBackupSet(Path dir) {
        return Files.isDirectory(dir)
                && (Files.isRegularFile(dir.resolve("backup_label"))
                        || Files.isRegularFile(dir.resolve("backup_label.old")));
    }

    private static String find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1).strip() : null;
    }
}
