package org.skytools.walmgr.wal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

/**
 * Plans the rotation of backup sets before a new backup: {@code data.master} is the newest set,
 * {@code data.master.0}, {@code data.master.1}, ... are older ones. With {@code keep_backups = N}
 * (N &ge; 1) the oldest sets are expired until N-1 remain, then every remaining set moves one
 * suffix up, so the new backup can go to {@code data.master}. With N &lt; 1 nothing rotates: the one
 * set is refreshed in place.
 */
public final class BackupRotation {
    private BackupRotation() {}

    /** The steps, in order: expire (archive and delete) these sets, then these renames. */
    public record Plan(List<String> expire, List<Rename> renames) {
        public Plan {
            expire = List.copyOf(expire);
            renames = List.copyOf(renames);
        }

        public boolean isEmpty() {
            return expire.isEmpty() && renames.isEmpty();
        }
    }

    /** Moves a set directory to a new name in the same parent directory. */
    public record Rename(String from, String to) {}

    /**
     * Plans the rotation of the sets named in {@code sets} (directory names next to {@code base}
     * that hold a backup label).
     */
    public static Plan plan(String base, List<String> sets, int keepBackups) {
        List<String> ordered = order(base, sets);
        if (keepBackups < 1 || ordered.isEmpty()) {
            return new Plan(List.of(), List.of());
        }
        List<String> expire = new ArrayList<>();
        List<String> remaining = new ArrayList<>(ordered);
        while (!remaining.isEmpty() && remaining.size() >= keepBackups) {
            expire.add(remaining.remove(remaining.size() - 1));
        }
        List<Rename> renames = new ArrayList<>();
        for (int i = remaining.size() - 1; i >= 0; i--) {
            String name = remaining.get(i);
            int index = index(base, name).orElse(-1);
            renames.add(new Rename(name, base + "." + (index + 1)));
        }
        return new Plan(expire, renames);
    }

    /** Sets from newest ({@code base}) to oldest (highest suffix); other names are dropped. */
    public static List<String> order(String base, List<String> names) {
        return names.stream()
                .filter(n -> n.equals(base) || index(base, n).isPresent())
                .sorted(Comparator.comparingInt(n -> index(base, n).orElse(-1)))
                .toList();
    }

    /** The numeric suffix of {@code base.N}; empty for the base itself and other names. */
    public static OptionalInt index(String base, String name) {
        if (!name.startsWith(base + ".")) {
            return OptionalInt.empty();
        }
        String suffix = name.substring(base.length() + 1);
        if (suffix.isEmpty() || suffix.length() > 9 || !suffix.chars().allMatch(Character::isDigit)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(suffix));
    }
}
