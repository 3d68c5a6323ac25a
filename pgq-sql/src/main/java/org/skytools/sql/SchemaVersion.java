package org.skytools.sql;

import java.util.ArrayList;
import java.util.List;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;

/**
 * A schema version such as {@code 3.5.3}, compared number by number: {@code 3.10} is newer than
 * {@code 3.9}, and missing trailing numbers count as zero ({@code 3.1} equals {@code 3.1.0}).
 *
 * @param text the version as written
 * @param numbers its components
 */
public record SchemaVersion(String text, List<Integer> numbers) implements Comparable<SchemaVersion> {

    public SchemaVersion {
        numbers = List.copyOf(numbers);
    }

    /**
     * Parses a dotted version. Each component counts by its leading digits, so a suffix such as
     * {@code 3.2.6-dev} is ignored.
     */
    public static SchemaVersion valueOf(String text) {
        String trimmed = text == null ? "" : text.strip();
        List<Integer> numbers = new ArrayList<>();
        for (String part : trimmed.split("\\.", -1)) {
            int end = 0;
            while (end < part.length() && Character.isDigit(part.charAt(end))) {
                end++;
            }
            if (end == 0) {
                throw new SkyToolsException(ErrorKind.SCHEMA_VERSION, "cannot read schema version \"" + text + "\"");
            }
            numbers.add(Integer.parseInt(part.substring(0, end)));
        }
        return new SchemaVersion(trimmed, numbers);
    }

    @Override
    public int compareTo(SchemaVersion other) {
        int n = Math.max(numbers.size(), other.numbers.size());
        for (int i = 0; i < n; i++) {
            int c = Integer.compare(number(i), other.number(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** True when this version is older than {@code other}. */
    public boolean isOlderThan(SchemaVersion other) {
        return compareTo(other) < 0;
    }

    /** True when this version is newer than {@code other}. */
    public boolean isNewerThan(SchemaVersion other) {
        return compareTo(other) > 0;
    }

    private int number(int i) {
        return i < numbers.size() ? numbers.get(i) : 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
