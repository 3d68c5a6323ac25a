package org.skytools.common.db;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Random strings that stress quoting: quotes, backslashes, control characters, multi-byte and
 * 4-byte UTF-8, keywords in any case, leading digits and 63-byte names. Seeded, so a failure can
 * be replayed with {@code -Dskytools.test.seed=N}.
 */
final class RandomText {
    static final long DEFAULT_SEED = 20261121L;

    private static final String[] PIECES = {
        "a", "b", "z", "_", "0", "9", "A", "Z", "'", "''", "\"", "\\", "\\\\", "\t", "\n", "\r", "\b", "\f", "\u000b",
        "\u0001", "\u001f", "\u007f", " ", "$", ".", ",", "&", "=", "+", "%", "%41", "-", "{", "}", "é", "ß", "€", "Ж",
        "中", "\u00a0", "😀", "𝄞", "\\N", "E'", "select", "user"
    };
    private static final List<String> WORDS = List.of(
            "select",
            "user",
            "order",
            "from",
            "table",
            "all",
            "group",
            "name",
            "text",
            "type",
            "value",
            "end",
            "authorization",
            "between",
            "json",
            "merge_action",
            "system_user",
            "xmltable",
            "left",
            "primary");

    private final long seed;
    private final Random random;

    RandomText(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** The seed in use: the system property {@code skytools.test.seed} or a fixed default. */
    static long configuredSeed() {
        return Long.getLong("skytools.test.seed", DEFAULT_SEED);
    }

    long seed() {
        return seed;
    }

    /** One string of a randomly chosen shape. */
    String next() {
        return switch (random.nextInt(8)) {
            case 0 -> identifierLike();
            case 1 -> keyword();
            case 2 -> random.nextInt(10) + identifierLike();
            case 3 -> fillBytes(63);
            default -> pieces(random.nextInt(12));
        };
    }

    private String pieces(int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    private String identifierLike() {
        String first = "abcdefghijklmnopqrstuvwxyz_";
        String rest = first + "0123456789";
        StringBuilder sb = new StringBuilder().append(first.charAt(random.nextInt(first.length())));
        int len = random.nextInt(20);
        for (int i = 0; i < len; i++) {
            sb.append(rest.charAt(random.nextInt(rest.length())));
        }
        return random.nextInt(5) == 0 ? sb.toString().toUpperCase(Locale.ROOT) : sb.toString();
    }

    private String keyword() {
        String w = WORDS.get(random.nextInt(WORDS.size()));
        return switch (random.nextInt(3)) {
            case 0 -> w;
            case 1 -> Character.toUpperCase(w.charAt(0)) + w.substring(1);
            default -> w + "_" + random.nextInt(3);
        };
    }

    // Builds a name of exactly maxBytes UTF-8 bytes when possible, mixing 1- to 4-byte characters.
    private String fillBytes(int maxBytes) {
        String[] chars = {"a", "_", "7", "é", "€", "😀", "Q"};
        StringBuilder sb = new StringBuilder();
        int bytes = 0;
        while (true) {
            String c = chars[random.nextInt(chars.length)];
            int n = c.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > maxBytes) {
                return sb.toString();
            }
            sb.append(c);
            bytes += n;
        }
    }
}
