package org.skytools.pgq.coop;

import java.util.Objects;
import org.skytools.common.config.SkyConfig;
import org.skytools.pgq.consumer.ConsumerKeys;

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
    public static CoopSettings fromConfig(SkyConfig cf) {
        String name = ConsumerKeys.SUBCONSUMER_NAME.get(cf).strip();
        String timeout = ConsumerKeys.SUBCONSUMER_TIMEOUT
                .find(cf)
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .orElse(null);
        return new CoopSettings(name, timeout);
    }
}
