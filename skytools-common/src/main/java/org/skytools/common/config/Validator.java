package org.skytools.common.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.skytools.common.db.ConnectString;
import org.skytools.common.error.SkyToolsException;

/**
 * A check on a parsed config value. It returns the problem as a phrase that follows the key name,
 * such as {@code must be at least 1}, or empty when the value is fine.
 */
@FunctionalInterface
public interface Validator<T> {

    /** The problem with {@code value}, or empty. */
    Optional<String> check(T value);

    /** This check, then {@code other}. */
    default Validator<T> and(Validator<T> other) {
        return value -> {
            Optional<String> first = check(value);
            return first.isPresent() ? first : other.check(value);
        };
    }

    /** Accepts everything. */
    static <T> Validator<T> any() {
        return value -> Optional.empty();
    }

    /** A number not below {@code min}. */
    static <T extends Number> Validator<T> atLeast(long min) {
        return value -> value.doubleValue() < min ? Optional.of("must be at least " + min) : Optional.empty();
    }

    /** A duration of zero or more seconds. */
    static Validator<Duration> notNegative() {
        return value -> value.isNegative() ? Optional.of("must not be negative") : Optional.empty();
    }

    /** A duration of more than zero seconds. */
    static Validator<Duration> positive() {
        return value -> value.isNegative() || value.isZero() ? Optional.of("must be positive") : Optional.empty();
    }

    /** A libpq connect string or URI that parses. */
    static Validator<String> connectString() {
        return value -> {
            try {
                ConnectString.parse(value);
                return Optional.empty();
            } catch (SkyToolsException e) {
                return Optional.of("is not a valid connect string (" + e.getMessage() + ")");
            }
        };
    }

    /** One of the given words, compared case-insensitively. */
    static Validator<String> oneOf(String... allowed) {
        List<String> words = List.of(allowed);
        return value -> words.stream().anyMatch(w -> w.equalsIgnoreCase(value))
                ? Optional.empty()
                : Optional.of("must be one of " + String.join(", ", words));
    }
}
