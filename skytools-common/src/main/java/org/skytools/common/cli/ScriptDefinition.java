package org.skytools.common.cli;

import java.util.ArrayList;
import java.util.List;
import org.skytools.common.config.ConfigSchema;
import org.skytools.common.config.GenericKeys;

/**
 * What the framework needs to know about a tool: its main section name (and accepted alternates),
 * its config keys, and how it uses the pidfile.
 *
 * @param sectionNames main section names, preferred first (e.g. {@code londiste3}, {@code londiste})
 * @param schema the generic keys followed by the tool's own
 * @param pidfileSuffix appended to {@code pidfile} ({@code .admin} for admin commands)
 * @param usesPidfile false for read-only commands that may run beside anything
 * @param singleRun run work() once whatever {@code loop_delay} says
 */
public record ScriptDefinition(
        List<String> sectionNames, ConfigSchema schema, String pidfileSuffix, boolean usesPidfile, boolean singleRun) {

    public ScriptDefinition {
        sectionNames = List.copyOf(sectionNames);
        if (sectionNames.isEmpty()) {
            throw new IllegalArgumentException("a tool needs a main section name");
        }
    }

    /** A looping tool with main section {@code serviceName} and the generic keys plus {@code toolKeys}. */
    public static ScriptDefinition of(String serviceName, ConfigSchema toolKeys) {
        return new ScriptDefinition(List.of(serviceName), GenericKeys.SCHEMA.plus(toolKeys), "", true, false);
    }

    /** The service name: the preferred main section name. */
    public String serviceName() {
        return sectionNames.get(0);
    }

    /** This definition also accepting the given section names, in order after the current ones. */
    public ScriptDefinition withAlternateSections(String... names) {
        List<String> all = new ArrayList<>(sectionNames);
        all.addAll(List.of(names));
        return new ScriptDefinition(all, schema, pidfileSuffix, usesPidfile, singleRun);
    }

    /** This definition with a pidfile suffix, e.g. {@code .admin} or {@code .copy.public.t}. */
    public ScriptDefinition withPidfileSuffix(String suffix) {
        return new ScriptDefinition(sectionNames, schema, suffix, usesPidfile, singleRun);
    }

    /** This definition taking no pidfile (read-only commands). */
    public ScriptDefinition withoutPidfile() {
        return new ScriptDefinition(sectionNames, schema, pidfileSuffix, false, singleRun);
    }

    /** This definition running work() once (admin commands). */
    public ScriptDefinition runningOnce() {
        return new ScriptDefinition(sectionNames, schema, pidfileSuffix, usesPidfile, true);
    }
}
