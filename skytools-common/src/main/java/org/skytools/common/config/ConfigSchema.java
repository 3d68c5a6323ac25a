package org.skytools.common.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.skytools.common.error.SkyToolsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The config keys of one tool, in titled groups (the generic script keys, then the tool's own).
 * It validates a {@link SkyConfig} reporting every problem at once, warns about unknown keys with
 * a close-match suggestion, and renders the {@code --ini} sample and the Markdown reference.
 */
public final class ConfigSchema {
    private static final Logger log = LoggerFactory.getLogger(ConfigSchema.class);

    /** Built-in keys every config may set without a warning. */
    private static final Set<String> BUILTINS = Set.of(
            SkyConfig.JOB_NAME,
            SkyConfig.SERVICE_NAME,
            SkyConfig.HOST_NAME,
            SkyConfig.CONFIG_DIR,
            SkyConfig.CONFIG_FILE);

    /** A titled group of keys, e.g. "SkyTools script" or "londiste". */
    public record Group(String title, List<ConfigKey<?>> keys) {
        public Group {
            keys = List.copyOf(keys);
        }
    }

    private final List<Group> groups;

    private ConfigSchema(List<Group> groups) {
        this.groups = List.copyOf(groups);
    }

    /** A schema with one group. */
    public static ConfigSchema of(String title, ConfigKey<?>... keys) {
        return new ConfigSchema(List.of(new Group(title, List.of(keys))));
    }

    /**
     * This schema followed by {@code other}'s groups. A key of {@code other} replaces the key of
     * the same name here, so a tool can change a generic default (pgqd's connection_lifetime).
     */
    public ConfigSchema plus(ConfigSchema other) {
        List<Group> merged = new ArrayList<>();
        for (Group group : groups) {
            List<ConfigKey<?>> kept = new ArrayList<>(group.keys());
            kept.removeIf(key -> other.key(key.name()).isPresent());
            merged.add(new Group(group.title(), kept));
        }
        merged.addAll(other.groups);
        return new ConfigSchema(merged);
    }

    /** The groups in order. */
    public List<Group> groups() {
        return groups;
    }

    /** Every key in order. */
    public List<ConfigKey<?>> keys() {
        List<ConfigKey<?>> all = new ArrayList<>();
        groups.forEach(g -> all.addAll(g.keys()));
        return Collections.unmodifiableList(all);
    }

    /** The key named {@code name} (not an alias). */
    public Optional<ConfigKey<?>> key(String name) {
        return keys().stream().filter(k -> k.name().equals(name)).findFirst();
    }

    /**
     * Checks every key and throws one CONFIG error listing all problems; warns (not fails) about
     * unknown keys in the main section, since SkyTools tolerated them.
     */
    public void validate(SkyConfig config) {
        for (String warning : unknownKeyWarnings(config)) {
            log.warn("{}", warning);
        }
        for (ConfigKey<?> key : keys()) {
            if (key.ignoredNote() != null && config.explicitKeys().stream().anyMatch(key::matches)) {
                log.info(
                        "{}: [{}] '{}' is accepted for compatibility and ignored: {}",
                        config.file(),
                        config.section(),
                        key.name(),
                        key.ignoredNote());
            }
        }
        List<ConfigValueException> problems = problems(config);
        if (problems.size() == 1) {
            throw problems.get(0);
        }
        if (!problems.isEmpty()) {
            StringBuilder message = new StringBuilder()
                    .append(config.file())
                    .append(": [")
                    .append(config.section())
                    .append("] has ")
                    .append(problems.size())
                    .append(" problems:");
            problems.forEach(p -> message.append("\n  ").append(p.detail()));
            throw SkyToolsException.config(message.toString());
        }
    }

    /** Every problem of the declared keys, in schema order. */
    public List<ConfigValueException> problems(SkyConfig config) {
        List<ConfigValueException> problems = new ArrayList<>();
        for (ConfigKey<?> key : keys()) {
            try {
                if (key.isPattern()) {
                    config.getMatching(key.name());
                } else {
                    key.get(config);
                }
            } catch (ConfigValueException e) {
                problems.add(e);
            }
        }
        return problems;
    }

    /** One warning per key of the main section (or {@code --set}) that no descriptor knows. */
    public List<String> unknownKeyWarnings(SkyConfig config) {
        List<String> warnings = new ArrayList<>();
        for (String key : config.explicitKeys()) {
            if (BUILTINS.contains(key) || keys().stream().anyMatch(k -> k.matches(key))) {
                continue;
            }
            String hint = Suggestions.closest(key, knownNames())
                    .map(s -> "; did you mean '" + s + "'?")
                    .orElse("");
            warnings.add(config.file() + ": [" + config.section() + "] unknown key '" + key + "'" + hint);
        }
        return warnings;
    }

    /**
     * The sample config printed by {@code --ini}: the section header, then every key with its
     * description and default, commented out unless required or given an example; {@code
     * overrides} (from {@code --set}) are merged in, with secrets masked.
     */
    public String renderIni(String section, Map<String, String> overrides) {
        Map<String, String> pending = new LinkedHashMap<>(overrides);
        StringBuilder out = new StringBuilder("[").append(section).append("]\n");
        for (Group group : groups) {
            out.append("\n## ").append(group.title()).append(" ##\n");
            for (ConfigKey<?> key : group.keys()) {
                out.append('\n');
                comment(out, key);
                String value = key.example() != null ? key.example() : key.defaultAsText();
                boolean active = key.required() || key.example() != null;
                String override = pending.remove(key.name());
                if (override == null) {
                    out.append(active ? "" : "#").append(line(key.name(), value));
                } else {
                    out.append('#').append(line(key.name(), value));
                    out.append(line(key.name(), Secrets.maskValue(key.name(), override)));
                }
            }
        }
        if (!pending.isEmpty()) {
            out.append("\n## --set ##\n");
            pending.forEach((k, v) -> out.append(line(k, Secrets.maskValue(k, v))));
        }
        return out.toString();
    }

    /** A Markdown reference: one table per group with key, type, default and description. */
    public String renderMarkdown() {
        StringBuilder out = new StringBuilder();
        for (Group group : groups) {
            out.append("### ").append(group.title()).append("\n\n");
            out.append("| key | type | default | description |\n|---|---|---|---|\n");
            for (ConfigKey<?> key : group.keys()) {
                String name = "`" + key.name() + "`"
                        + (key.aliases().isEmpty() ? "" : " (also `" + String.join("`, `", key.aliases()) + "`)");
                String text = key.description()
                        + (key.ignoredNote() == null ? "" : ". Accepted but ignored: " + key.ignoredNote());
                out.append("| ")
                        .append(cell(name))
                        .append(" | ")
                        .append(key.type().label())
                        .append(" | ")
                        .append(cell(markdownDefault(key)))
                        .append(" | ")
                        .append(cell(text.strip()))
                        .append(" |\n");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String markdownDefault(ConfigKey<?> key) {
        if (key.required()) {
            return "required";
        }
        if (key.defaultText() != null) {
            // a description of a computed default, not a literal value
            return key.defaultText();
        }
        return key.defaultAsText().isEmpty() ? "" : "`" + key.defaultAsText() + "`";
    }

    private List<String> knownNames() {
        List<String> names = new ArrayList<>();
        for (ConfigKey<?> key : keys()) {
            if (!key.isPattern()) {
                names.add(key.name());
                names.addAll(key.aliases());
            }
        }
        return names;
    }

    private static void comment(StringBuilder out, ConfigKey<?> key) {
        List<String> lines = new ArrayList<>(List.of(key.description().split("\n")));
        if (key.required()) {
            lines.add("(required)");
        }
        if (!key.aliases().isEmpty()) {
            lines.add("(also read as " + String.join(", ", key.aliases()) + ")");
        }
        if (key.ignoredNote() != null) {
            lines.add("(accepted for compatibility, ignored: " + key.ignoredNote() + ")");
        }
        if (key.example() != null && !key.defaultAsText().isEmpty()) {
            lines.add("(default: " + key.defaultAsText() + ")");
        }
        for (String line : lines) {
            if (!line.isBlank()) {
                out.append("# ").append(line.strip()).append('\n');
            }
        }
    }

    private static String line(String key, String value) {
        return value.isEmpty() ? key + " =\n" : key + " = " + value + "\n";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
