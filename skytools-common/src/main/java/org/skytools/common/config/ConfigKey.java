package org.skytools.common.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The single description of one config key: name, type, default, documentation, validation and
 * compatibility aliases. Validation, the {@code --ini} sample and the reference docs all derive
 * from these descriptors, so they cannot drift apart.
 *
 * <p>A name containing {@code *} (such as {@code *_extra_connstr}) describes a family of keys: it
 * is documented and accepted by the unknown-key check, and read with {@link
 * SkyConfig#getMatching(String)}.
 *
 * @param name key name, lower case
 * @param type how the value is parsed
 * @param defaultValue value when the key is missing; null for none
 * @param defaultText default as documented when it is derived (e.g. "config file base name")
 * @param description one or two sentences for the sample config and the docs
 * @param example value written uncommented in the sample config, or null
 * @param required whether a missing key is an error
 * @param aliases older names read when {@code name} is missing (e.g. {@code pgq_queue_name})
 * @param validator check applied to a parsed value
 * @param ignoredNote non-null for keys accepted for compatibility but without effect: why
 */
public record ConfigKey<T>(
        String name,
        KeyType<T> type,
        T defaultValue,
        String defaultText,
        String description,
        String example,
        boolean required,
        List<String> aliases,
        Validator<T> validator,
        String ignoredNote) {

    public ConfigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!name.equals(name.toLowerCase(Locale.ROOT)) || name.isBlank()) {
            throw new IllegalArgumentException("config key names are lower case: " + name);
        }
        description = description == null ? "" : description;
        aliases = List.copyOf(aliases);
        validator = validator == null ? Validator.any() : validator;
    }

    /** A key of the given type with no default, description or validation yet. */
    public static <T> ConfigKey<T> of(String name, KeyType<T> type) {
        return new ConfigKey<>(name, type, null, null, "", null, false, List.of(), null, null);
    }

    /** A string key. */
    public static ConfigKey<String> string(String name) {
        return of(name, KeyType.STRING);
    }

    /** An integer key. */
    public static ConfigKey<Integer> integer(String name) {
        return of(name, KeyType.INT);
    }

    /** A boolean key. */
    public static ConfigKey<Boolean> bool(String name) {
        return of(name, KeyType.BOOLEAN);
    }

    /** A seconds key. */
    public static ConfigKey<Duration> seconds(String name) {
        return of(name, KeyType.SECONDS);
    }

    /** A bytes key. */
    public static ConfigKey<Long> bytes(String name) {
        return of(name, KeyType.BYTES);
    }

    /** A file key. */
    public static ConfigKey<Path> file(String name) {
        return of(name, KeyType.FILE);
    }

    /** A list key. */
    public static ConfigKey<List<String>> list(String name) {
        return of(name, KeyType.LIST);
    }

    /** A dict key. */
    public static ConfigKey<Map<String, String>> dict(String name) {
        return of(name, KeyType.DICT);
    }

    /** This key with a default value. */
    public ConfigKey<T> withDefault(T value) {
        return new ConfigKey<>(
                name, type, value, defaultText, description, example, required, aliases, validator, ignoredNote);
    }

    /** This key with a documented default that is computed elsewhere. */
    public ConfigKey<T> withDefaultText(String text) {
        return new ConfigKey<>(
                name, type, defaultValue, text, description, example, required, aliases, validator, ignoredNote);
    }

    /** This key with a description. */
    public ConfigKey<T> withDescription(String text) {
        return new ConfigKey<>(
                name, type, defaultValue, defaultText, text, example, required, aliases, validator, ignoredNote);
    }

    /** This key with a value to show uncommented in the sample config. */
    public ConfigKey<T> withExample(String value) {
        return new ConfigKey<>(
                name, type, defaultValue, defaultText, description, value, required, aliases, validator, ignoredNote);
    }

    /** This key, required. */
    public ConfigKey<T> asRequired() {
        return new ConfigKey<>(
                name, type, defaultValue, defaultText, description, example, true, aliases, validator, ignoredNote);
    }

    /** This key, also read under older names when its own name is missing. */
    public ConfigKey<T> withAliases(String... names) {
        List<String> all = new ArrayList<>(aliases);
        all.addAll(List.of(names));
        return new ConfigKey<>(
                name, type, defaultValue, defaultText, description, example, required, all, validator, ignoredNote);
    }

    /** This key with an added check. */
    public ConfigKey<T> withValidator(Validator<T> check) {
        Validator<T> combined = validator.and(check);
        return new ConfigKey<>(
                name, type, defaultValue, defaultText, description, example, required, aliases, combined, ignoredNote);
    }

    /** This key, accepted for compatibility but ignored; {@code note} says why. */
    public ConfigKey<T> ignored(String note) {
        return new ConfigKey<>(
                name, type, defaultValue, defaultText, description, example, required, aliases, validator, note);
    }

    /** Whether the name is a pattern such as {@code *_extra_connstr}. */
    public boolean isPattern() {
        return Glob.isGlob(name);
    }

    /** Whether {@code key} is this key, one of its aliases, or matches its pattern. */
    public boolean matches(String key) {
        return isPattern() ? Glob.compile(name).matcher(key).matches() : name.equals(key) || aliases.contains(key);
    }

    /** The default as written in docs and the sample config; empty when there is none. */
    public String defaultAsText() {
        if (defaultText != null) {
            return defaultText;
        }
        return defaultValue == null ? "" : type.format(defaultValue);
    }

    /**
     * Reads the value: the key, else the first alias present, else the default (null when there
     * is none). Throws a {@link ConfigValueException} when a required key is missing, the value
     * does not parse, or the validator refuses it.
     */
    public T get(SkyConfig config) {
        if (isPattern()) {
            throw new IllegalStateException("pattern key " + name + " is read with SkyConfig.getMatching");
        }
        Optional<String> present = presentName(config);
        T value = present.map(key -> type.read(config, key)).orElse(null);
        if (value == null) {
            if (required) {
                String also = aliases.isEmpty() ? "" : " (nor '" + String.join("', '", aliases) + "')";
                throw config.problem(name, "config value not set: '" + name + "'" + also);
            }
            return defaultValue;
        }
        Optional<String> problem = validator.check(value);
        if (problem.isPresent()) {
            String key = present.get();
            String shown = Secrets.maskValue(key, config.getString(key));
            throw config.problem(key, "'" + key + "' " + problem.get() + ", got \"" + shown + "\"");
        }
        return value;
    }

    /** {@link #get}, as an Optional for keys without default. */
    public Optional<T> find(SkyConfig config) {
        return Optional.ofNullable(get(config));
    }

    private Optional<String> presentName(SkyConfig config) {
        if (config.has(name)) {
            return Optional.of(name);
        }
        return aliases.stream().filter(config::has).findFirst();
    }
}
