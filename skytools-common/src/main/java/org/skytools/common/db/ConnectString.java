package org.skytools.common.db;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A libpq connect string as found in SkyTools configs: {@code dbname=x host=y port=z} (values
 * may be single-quoted with {@code \'} and {@code \\} escapes) or a {@code postgresql://} URI.
 * It holds only what was written; {@link #toJdbc} applies the service file, the {@code PG*}
 * environment, the defaults and {@code .pgpass} as libpq does. {@link #toString} is masked.
 */
public final class ConnectString {
    private final Map<String, String> params;

    private ConnectString(Map<String, String> params) {
        this.params = Collections.unmodifiableMap(params);
    }

    /**
     * Parses a keyword/value string or URI.
     *
     * @throws org.skytools.common.error.SkyToolsException CONFIG, quoting the masked text, on bad
     *     syntax or an unknown keyword
     */
    public static ConnectString parse(String text) {
        Objects.requireNonNull(text, "connect string");
        return new ConnectString(new LinkedHashMap<>(ConnectStringParser.parse(text.strip())));
    }

    /** Builds a connect string from keyword/value pairs, checking the keywords. */
    public static ConnectString of(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> sb.append(k).append('=').append(quoteValue(v)).append(' '));
        return parse(sb.toString());
    }

    /**
     * Appends a profile's extra connect string (SkyTools' {@code <profile>_extra_connstr}); keys
     * given in {@code extra} replace the ones here. A null or blank extra changes nothing.
     */
    public ConnectString withExtra(String extra) {
        if (extra == null || extra.isBlank()) {
            return this;
        }
        Map<String, String> merged = new LinkedHashMap<>(params);
        merged.putAll(ConnectStringParser.parse(extra.strip()));
        return new ConnectString(merged);
    }

    /** Returns a copy with {@code key} set to {@code value} (or removed when value is null). */
    public ConnectString with(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(params);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return of(copy);
    }

    /** The value written for a libpq keyword, if any. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(params.get(key));
    }

    /** The {@code dbname} written in the string, if any. */
    public Optional<String> dbname() {
        return get("dbname");
    }

    /** The {@code host} written in the string (comma-separated when several), if any. */
    public Optional<String> host() {
        return get("host");
    }

    /** The {@code port} written in the string (comma-separated when several), if any. */
    public Optional<String> port() {
        return get("port");
    }

    /** The {@code user} written in the string, if any. */
    public Optional<String> user() {
        return get("user");
    }

    /** All keyword/value pairs in the order written. */
    public Map<String, String> params() {
        return params;
    }

    /** Renders the string back in libpq keyword/value form, quoting values where libpq needs it. */
    public String toLibpq() {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(k).append('=').append(quoteValue(v));
        });
        return sb.toString();
    }

    /** Like {@link #toLibpq} with the password shown as {@code ***}, for logs and messages. */
    public String masked() {
        return params.containsKey("password") ? with("password", "***").toLibpq() : toLibpq();
    }

    /** Masks passwords in connect-string text that may not even parse. */
    public static String mask(String text) {
        return ConnectStringParser.mask(text);
    }

    /**
     * Resolves the string into pgjdbc settings with the process environment, as libpq would.
     *
     * @param applicationName the job name, used unless the string or {@code PGAPPNAME} sets one
     */
    public JdbcTarget toJdbc(String applicationName) {
        return toJdbc(applicationName, ConnectEnvironment.system());
    }

    /** Resolves the string into pgjdbc settings within the given environment. */
    public JdbcTarget toJdbc(String applicationName, ConnectEnvironment env) {
        return new ConnectResolver(env).resolve(this, applicationName);
    }

    static String quoteValue(String v) {
        boolean plain = !v.isEmpty();
        for (int i = 0; plain && i < v.length(); i++) {
            char c = v.charAt(i);
            plain = !Character.isWhitespace(c) && c != '\'' && c != '\\';
        }
        if (plain) {
            return v;
        }
        return "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectString other && params.equals(other.params);
    }

    @Override
    public int hashCode() {
        return params.hashCode();
    }

    /** The masked libpq form. */
    @Override
    public String toString() {
        return masked();
    }
}
