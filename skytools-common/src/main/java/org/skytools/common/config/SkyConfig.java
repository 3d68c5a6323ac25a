package org.skytools.common.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;

/**
 * One SkyTools INI file read with the semantics of SkyTools 3's {@code skytools.Config}: a main
 * section named after the tool, {@code [DEFAULT]} values visible in it, built-in defaults ({@code
 * job_name}, {@code service_name}, {@code host_name}, {@code config_dir}, {@code config_file}),
 * {@code %(name)s} interpolation, typed getters and {@code --set} overrides applied last.
 *
 * <p>Values are interpolated when read, so a bad reference is reported for the key that is read.
 * {@link #reload()} re-reads the file and re-applies the overrides; a failed reload leaves the
 * previous content in place. Reads may come from any thread.
 */
public final class SkyConfig {
    /** Built-in key: config file base name without extension unless set in the file. */
    public static final String JOB_NAME = "job_name";
    /** Built-in key: the name of the main section. */
    public static final String SERVICE_NAME = "service_name";
    /** Built-in key: this machine's host name. */
    public static final String HOST_NAME = "host_name";
    /** Built-in key: absolute directory of the config file. */
    public static final String CONFIG_DIR = "config_dir";
    /** Built-in key: absolute path of the config file. */
    public static final String CONFIG_FILE = "config_file";

    private final Path file;
    private final List<String> sectionNames;
    private final Map<String, String> overrides;
    private volatile Snapshot snapshot;

    private record Snapshot(
            String section, Map<String, String> values, Set<String> explicitKeys, List<String> sections) {}

    private SkyConfig(Path file, List<String> sectionNames, Map<String, String> overrides) {
        if (sectionNames.isEmpty()) {
            throw new IllegalArgumentException("at least one section name is needed");
        }
        this.file = file;
        this.sectionNames = List.copyOf(sectionNames);
        Map<String, String> normalized = new LinkedHashMap<>();
        overrides.forEach((k, v) -> normalized.put(k.strip().toLowerCase(Locale.ROOT), v.strip()));
        this.overrides = Collections.unmodifiableMap(normalized);
        this.snapshot = read();
    }

    /**
     * Reads {@code file} with main section {@code serviceName}.
     *
     * @throws SkyToolsException kind CONFIG if the file is missing, unreadable, malformed or has
     *     no main section
     */
    public static SkyConfig load(Path file, String serviceName, Map<String, String> overrides) {
        return new SkyConfig(file, List.of(serviceName), overrides);
    }

    /**
     * Reads {@code file}; the main section is the first of {@code sectionNames} present in it
     * (e.g. {@code londiste3}, then {@code londiste}).
     */
    public static SkyConfig load(Path file, List<String> sectionNames, Map<String, String> overrides) {
        return new SkyConfig(file, sectionNames, overrides);
    }

    /** The same file read with {@code section} as the main section and no overrides. */
    public SkyConfig forSection(String section) {
        return new SkyConfig(file, List.of(section), Map.of());
    }

    /** Re-reads the file and applies the {@code --set} overrides again. */
    public void reload() {
        snapshot = read();
    }

    /**
     * Re-reads the file, then runs {@code check} (validation) on the new content; if the check
     * throws, the previous content is restored and the exception passed on.
     */
    public void reload(Consumer<SkyConfig> check) {
        Snapshot previous = snapshot;
        snapshot = read();
        try {
            check.accept(this);
        } catch (RuntimeException e) {
            snapshot = previous;
            throw e;
        }
    }

    /** The config file as the user named it. */
    public Path file() {
        return file;
    }

    /** The main section in use. */
    public String section() {
        return snapshot.section();
    }

    /** The job name: {@code job_name} from the file, else the file's base name. */
    public String jobName() {
        return getString(JOB_NAME);
    }

    /** The {@code --set} overrides, keys lower-cased. */
    public Map<String, String> overrides() {
        return overrides;
    }

    /** Named sections of the file in file order, without {@code DEFAULT}. */
    public List<String> sections() {
        return snapshot.sections();
    }

    /** Whether the main section (with DEFAULT, built-ins and overrides) has {@code key}. */
    public boolean has(String key) {
        return snapshot.values().containsKey(normalize(key));
    }

    /** Every key visible in the main section: built-ins, DEFAULT, the section, overrides. */
    public Set<String> keys() {
        return Collections.unmodifiableSet(snapshot.values().keySet());
    }

    /** Keys written in the main section itself or given with {@code --set}. */
    public Set<String> explicitKeys() {
        return snapshot.explicitKeys();
    }

    /** The interpolated string value; CONFIG error "config value not set" when missing. */
    public String getString(String key) {
        return require(key, Function.identity(), null);
    }

    /** The interpolated string value, or {@code def} when the key is missing. */
    public String getString(String key, String def) {
        return optional(key, Function.identity(), null, def);
    }

    /** An integer value. */
    public int getInt(String key) {
        return require(key, Values::parseInt, Values.INTEGER);
    }

    /** An integer value, or {@code def} when missing. */
    public int getInt(String key, int def) {
        return optional(key, Values::parseInt, Values.INTEGER, def);
    }

    /** A long integer value. */
    public long getLong(String key) {
        return require(key, Values::parseLong, Values.INTEGER);
    }

    /** A long integer value, or {@code def} when missing. */
    public long getLong(String key, long def) {
        return optional(key, Values::parseLong, Values.INTEGER, def);
    }

    /** A decimal number (Python {@code getfloat}). */
    public double getDouble(String key) {
        return require(key, Values::parseDouble, Values.NUMBER);
    }

    /** A decimal number, or {@code def} when missing. */
    public double getDouble(String key, double def) {
        return optional(key, Values::parseDouble, Values.NUMBER, def);
    }

    /** A boolean: 1/yes/true/on or 0/no/false/off, any case. */
    public boolean getBoolean(String key) {
        return require(key, Values::parseBoolean, Values.BOOLEAN);
    }

    /** A boolean, or {@code def} when missing. */
    public boolean getBoolean(String key, boolean def) {
        return optional(key, Values::parseBoolean, Values.BOOLEAN, def);
    }

    /** A comma-separated list, items trimmed, empty items dropped. */
    public List<String> getList(String key) {
        return require(key, Values::parseList, null);
    }

    /** A comma-separated list, or {@code def} when missing. */
    public List<String> getList(String key, List<String> def) {
        return optional(key, Values::parseList, null, def);
    }

    /** A {@code k:v, k2} dict; a key without value maps to itself, as in SkyTools. */
    public Map<String, String> getDict(String key) {
        return require(key, Values::parseDict, null);
    }

    /** A dict, or {@code def} when missing. */
    public Map<String, String> getDict(String key, Map<String, String> def) {
        return optional(key, Values::parseDict, null, def);
    }

    /** A file name with {@code ~} expanded; a missing or empty value is "not set". */
    public Path getFile(String key) {
        return findFile(key).orElseThrow(() -> notSet(normalize(key)));
    }

    /** A file name with {@code ~} expanded, or {@code def} when missing or empty. */
    public Path getFile(String key, Path def) {
        return findFile(key).orElse(def);
    }

    /** A file name with {@code ~} expanded; empty when the key is missing or empty. */
    public Optional<Path> findFile(String key) {
        String value = getString(key, "");
        return value.isBlank() ? Optional.empty() : Optional.of(Values.expandUser(value.strip()));
    }

    /** A size in bytes: {@code 512}, {@code 10K}, {@code 4 MB}, {@code 1G} (binary units). */
    public long getBytes(String key) {
        return require(key, Values::parseBytes, Values.BYTES);
    }

    /** A size in bytes, or {@code def} when missing. */
    public long getBytes(String key, long def) {
        return optional(key, Values::parseBytes, Values.BYTES, def);
    }

    /** A duration given in seconds, fractions and negative values allowed. */
    public Duration getDuration(String key) {
        return require(key, Values::parseSeconds, Values.SECONDS);
    }

    /** A duration in seconds, or {@code def} when missing. */
    public Duration getDuration(String key, Duration def) {
        return optional(key, Values::parseSeconds, Values.SECONDS, def);
    }

    /**
     * SkyTools' {@code get_wildcard}: each {@code *} of {@code pattern} is replaced in turn by the
     * next of {@code values}, and the most specific key present wins. {@code dst_*_*_db} with
     * {@code [a, b]} tries {@code dst_a_b_db}, {@code dst_a_*_db}, then {@code dst_*_*_db}.
     */
    public String getWildcard(String pattern, List<String> values) {
        return findWildcard(pattern, values).orElseThrow(() -> notSet(normalize(pattern)));
    }

    /** {@link #getWildcard(String, List)}, or {@code def} when no candidate key is present. */
    public String getWildcard(String pattern, List<String> values, String def) {
        return findWildcard(pattern, values).orElse(def);
    }

    /** Interpolated values of every visible key matching the glob (e.g. {@code *_extra_connstr}). */
    public Map<String, String> getMatching(String glob) {
        Pattern pattern = Glob.compile(normalize(glob));
        Map<String, String> result = new TreeMap<>();
        for (String key : snapshot.values().keySet()) {
            if (pattern.matcher(key).matches()) {
                result.put(key, getString(key));
            }
        }
        return Collections.unmodifiableMap(result);
    }

    /** The effective main section, sorted, passwords masked: for DEBUG logging at start-up. */
    public String describe() {
        Map<String, String> sorted = new TreeMap<>();
        for (String key : snapshot.values().keySet()) {
            String value;
            try {
                value = getString(key);
            } catch (SkyToolsException e) {
                value = snapshot.values().get(key);
            }
            sorted.put(key, Secrets.maskValue(key, value));
        }
        return sorted.entrySet().stream()
                .map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining("\n  ", "[" + section() + "]\n  ", ""));
    }

    /** A CONFIG error about {@code key} naming this file and section; for tool-level checks. */
    public ConfigValueException problem(String key, String detail) {
        return new ConfigValueException(file.toString(), section(), normalize(key), detail);
    }

    private Optional<String> findWildcard(String pattern, List<String> values) {
        List<String> candidates = new ArrayList<>();
        String key = normalize(pattern);
        candidates.add(key);
        for (String value : values) {
            key = key.replaceFirst("\\*", Matcher.quoteReplacement(value));
            candidates.add(key);
        }
        Collections.reverse(candidates);
        return candidates.stream().filter(this::has).findFirst().map(this::getString);
    }

    private <T> T require(String key, Function<String, T> parser, String expected) {
        String k = normalize(key);
        if (!has(k)) {
            throw notSet(k);
        }
        return parse(k, parser, expected);
    }

    private <T> T optional(String key, Function<String, T> parser, String expected, T def) {
        String k = normalize(key);
        return has(k) ? parse(k, parser, expected) : def;
    }

    private <T> T parse(String key, Function<String, T> parser, String expected) {
        Snapshot s = snapshot;
        String value = new Interpolator(s.values(), file.toString(), s.section()).get(key);
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            String shown = Secrets.maskValue(key, value);
            throw problem(key, "'" + key + "' must be " + e.getMessage() + ", got \"" + shown + "\"");
        }
    }

    private ConfigValueException notSet(String key) {
        return problem(key, "config value not set: '" + key + "'");
    }

    private static String normalize(String key) {
        return key.strip().toLowerCase(Locale.ROOT);
    }

    private Snapshot read() {
        IniDocument doc = new IniParser(file.toString()).parse(readText());
        String section = sectionNames.stream()
                .filter(name -> doc.section(name) != null)
                .findFirst()
                .orElseThrow(this::missingSection);
        Map<String, String> values = new LinkedHashMap<>(builtins(section));
        values.putAll(doc.defaults());
        values.putAll(doc.section(section));
        values.putAll(overrides);
        Set<String> explicit = new LinkedHashSet<>(doc.section(section).keySet());
        explicit.addAll(overrides.keySet());
        return new Snapshot(
                section,
                Collections.unmodifiableMap(values),
                Collections.unmodifiableSet(explicit),
                List.copyOf(doc.sections().keySet()));
    }

    private SkyToolsException missingSection() {
        String wanted = sectionNames.stream().map(n -> "[" + n + "]").collect(Collectors.joining(" or "));
        return SkyToolsException.config(file + ": no " + wanted + " section; the settings of this tool must be"
                + " under [" + sectionNames.get(0) + "]");
    }

    private String readText() {
        if (!Files.exists(file)) {
            throw SkyToolsException.config("config file \"" + file + "\" not found; give the path of an existing"
                    + " file (--ini prints a sample)");
        }
        if (Files.isDirectory(file)) {
            throw SkyToolsException.config("config file \"" + file + "\" is a directory; give the path of an INI file");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw SkyToolsException.config("config file \"" + file + "\" is not valid UTF-8 text");
        } catch (IOException e) {
            throw new SkyToolsException(ErrorKind.CONFIG, "cannot read config file \"" + file + "\": " + e, e);
        }
    }

    private Map<String, String> builtins(String section) {
        Path absolute = file.toAbsolutePath().normalize();
        Map<String, String> defs = new LinkedHashMap<>();
        defs.put(JOB_NAME, baseName(file));
        defs.put(SERVICE_NAME, section);
        defs.put(HOST_NAME, HostName.get());
        defs.put(
                CONFIG_DIR,
                absolute.getParent() == null ? "" : absolute.getParent().toString());
        defs.put(CONFIG_FILE, absolute.toString());
        return defs;
    }

    // os.path.splitext: the last extension goes, a leading dot does not count
    private static String baseName(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && name.chars().limit(dot).anyMatch(c -> c != '.') ? name.substring(0, dot) : name;
    }
}
