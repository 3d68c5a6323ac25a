package org.skytools.common.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The raw content of one INI file: the {@code [DEFAULT]} section and the named sections in file
 * order, option names lower-cased, values not yet interpolated.
 */
record IniDocument(Map<String, String> defaults, Map<String, Map<String, String>> sections) {

    IniDocument {
        defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        sections.forEach((name, options) -> copy.put(name, Collections.unmodifiableMap(new LinkedHashMap<>(options))));
        sections = Collections.unmodifiableMap(copy);
    }

    /** The options written in {@code section} itself, without defaults; null if there is no such section. */
    Map<String, String> section(String name) {
        return sections.get(name);
    }
}
