package org.skytools.common.db;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What libpq looks at besides the connect string: the {@code PG*} environment variables, the home
 * directory (for {@code ~/.pgpass} and {@code ~/.pg_service.conf}) and the OS user name (the
 * default {@code user}). Tests pass their own; tools use {@link #system()}.
 */
public record ConnectEnvironment(Map<String, String> variables, Path home, String osUser) {

    /** Copies the variables. */
    public ConnectEnvironment {
        variables = Map.copyOf(variables);
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(osUser, "osUser");
    }

    /** The environment of this process. */
    public static ConnectEnvironment system() {
        return new ConnectEnvironment(
                System.getenv(), Path.of(System.getProperty("user.home")), System.getProperty("user.name"));
    }

    /** The value of an environment variable, or null when unset or empty (libpq treats both alike). */
    public String get(String name) {
        String v = variables.get(name);
        return v == null || v.isEmpty() ? null : v;
    }
}
