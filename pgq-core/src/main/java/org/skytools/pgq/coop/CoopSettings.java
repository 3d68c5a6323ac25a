package org.skytools.pgq.coop;

import java.util.Objects;
import org.skytools.common.error.SkyToolsException;
import org.skytools.pgq.consumer.ConsumerSettings;

/**
 * The subconsumer keys of a cooperative consumer: {@code subconsumer_name} (required) and
 * {@code subconsumer_timeout}, a PostgreSQL interval after which an inactive subconsumer counts as
 * dead and its open batch is taken over (null: never).
 */
public record CoopSettings(String subconsumerName, String subconsumerTimeout) {
    public CoopSettings {
        Objects.requireNonNull(subconsumerName, "subconsumerName");
    }

    /** Reads {@code subconsumer_name} and {@code subconsumer_timeout}. */
    public static CoopSettings fromConfig(ConsumerSettings.Lookup cf) {
        String name = cf.get("subconsumer_name")
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .orElseThrow(() -> SkyToolsException.config("Config value not set: subconsumer_name"));
        String timeout = cf.get("subconsumer_timeout")
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .orElse(null);
        return new CoopSettings(name, timeout);
    }
}
