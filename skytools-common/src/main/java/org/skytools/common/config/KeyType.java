package org.skytools.common.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How a {@link ConfigKey} is read from a {@link SkyConfig} and how its default is written in the
 * {@code --ini} sample and the reference docs.
 *
 * @param label the type as documented: {@code string}, {@code integer}, {@code seconds}...
 * @param reader reads the key; returns null when the value counts as unset (an empty file name)
 * @param formatter writes a value back in config syntax
 */
public record KeyType<T>(String label, BiFunction<SkyConfig, String, T> reader, Function<T, String> formatter) {

    /** Free text, interpolated. */
    public static final KeyType<String> STRING = new KeyType<>("string", SkyConfig::getString, s -> s);
    /** A 32-bit integer. */
    public static final KeyType<Integer> INT = new KeyType<>("integer", SkyConfig::getInt, String::valueOf);
    /** A 64-bit integer. */
    public static final KeyType<Long> LONG = new KeyType<>("integer", SkyConfig::getLong, String::valueOf);
    /** A decimal number. */
    public static final KeyType<Double> DOUBLE = new KeyType<>("number", SkyConfig::getDouble, String::valueOf);
    /** 1/yes/true/on or 0/no/false/off. */
    public static final KeyType<Boolean> BOOLEAN = new KeyType<>("boolean", SkyConfig::getBoolean, b -> b ? "1" : "0");
    /** Comma-separated list. */
    public static final KeyType<List<String>> LIST =
            new KeyType<>("list", SkyConfig::getList, l -> String.join(", ", l));
    /** {@code k:v, k2} pairs. */
    public static final KeyType<Map<String, String>> DICT =
            new KeyType<>("dict", SkyConfig::getDict, m -> m.entrySet().stream()
                    .map(e -> e.getKey().equals(e.getValue()) ? e.getKey() : e.getKey() + ":" + e.getValue())
                    .collect(Collectors.joining(", ")));
    /** A file name, {@code ~} expanded; empty means unset. */
    public static final KeyType<Path> FILE =
            new KeyType<>("file", (cf, key) -> cf.findFile(key).orElse(null), Path::toString);
    /** A size: {@code 512}, {@code 10K}, {@code 4 MB}, {@code 1G}. */
    public static final KeyType<Long> BYTES = new KeyType<>("bytes", SkyConfig::getBytes, KeyType::formatBytes);
    /** Seconds, fractions allowed. */
    public static final KeyType<Duration> SECONDS =
            new KeyType<>("seconds", SkyConfig::getDuration, Values::formatSeconds);

    /** Reads {@code key} from {@code config}. */
    public T read(SkyConfig config, String key) {
        return reader.apply(config, key);
    }

    /** Writes {@code value} in config syntax. */
    public String format(T value) {
        return formatter.apply(value);
    }

    private static String formatBytes(Long bytes) {
        String[] units = {"", "K", "M", "G", "T"};
        long n = bytes;
        int unit = 0;
        while (n != 0 && n % 1024 == 0 && unit < units.length - 1) {
            n /= 1024;
            unit++;
        }
        return n + units[unit];
    }
}
