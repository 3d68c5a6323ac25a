package org.skytools.walmgr.pg;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A libpq connect string ({@code host=... port=... dbname=... user=...}) as SkyTools configs hold
 * it, turned into a pgjdbc URL and properties. The password only ever goes into the properties.
 */
public record ConnInfo(Map<String, String> params) {

    public ConnInfo {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Parses the {@code key=value} form with libpq's single quotes and backslash escapes. */
    public static ConnInfo parse(String text) {
        String t = text.strip();
        if (t.startsWith("postgresql://") || t.startsWith("postgres://")) {
            return parseUri(t);
        }
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                throw new IllegalArgumentException(
                        "missing \"=\" after \"" + text.substring(i).strip() + "\"");
            }
            String key = text.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            i = eq + 1;
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < n && text.charAt(i) == '\'') {
                i++;
                while (i < n && text.charAt(i) != '\'') {
                    if (text.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    value.append(text.charAt(i++));
                }
                if (i >= n) {
                    throw new IllegalArgumentException("unterminated quoted value of \"" + key + "\"");
                }
                i++;
            } else {
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    if (text.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    value.append(text.charAt(i++));
                }
            }
            out.put(key, value.toString());
        }
        return new ConnInfo(out);
    }

    private static ConnInfo parseUri(String text) {
        java.net.URI uri = java.net.URI.create(text);
        Map<String, String> out = new LinkedHashMap<>();
        if (uri.getHost() != null) {
            out.put("host", uri.getHost());
        }
        if (uri.getPort() > 0) {
            out.put("port", Integer.toString(uri.getPort()));
        }
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            out.put("dbname", path.substring(1));
        }
        String userInfo = uri.getUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            out.put("user", colon < 0 ? userInfo : userInfo.substring(0, colon));
            if (colon >= 0) {
                out.put("password", userInfo.substring(colon + 1));
            }
        }
        if (uri.getQuery() != null) {
            for (String kv : uri.getQuery().split("&")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    out.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
        }
        return new ConnInfo(out);
    }

    public String get(String key, String fallback) {
        String v = params.get(key);
        return v == null || v.isEmpty() ? fallback : v;
    }

    /** The host, from the string, {@code PGHOST} or {@code localhost}. */
    public String host() {
        return get("host", get("hostaddr", env("PGHOST", "localhost")));
    }

    public String port() {
        return get("port", env("PGPORT", "5432"));
    }

    public String user() {
        return get("user", env("PGUSER", System.getProperty("user.name")));
    }

    public String dbname() {
        return get("dbname", env("PGDATABASE", user()));
    }

    /**
     * The pgjdbc URL. pgjdbc has no Unix-socket support, so a socket directory as host (libpq's
     * default) is replaced by {@code localhost}.
     */
    public String jdbcUrl() {
        String host = host();
        if (host.startsWith("/")) {
            host = "localhost";
        }
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return "jdbc:postgresql://" + host + ":" + port() + "/" + urlEncode(dbname());
    }

    /** Connection properties: user, password, application name, SSL mode and timeouts. */
    public Properties jdbcProperties(String applicationName, int connectTimeoutSeconds) {
        Properties p = new Properties();
        p.setProperty("user", user());
        String password = get("password", System.getenv("PGPASSWORD"));
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("ApplicationName", get("application_name", applicationName));
        p.setProperty(
                "connectTimeout",
                Integer.toString(
                        get("connect_timeout", null) != null
                                ? Integer.parseInt(get("connect_timeout", "0"))
                                : connectTimeoutSeconds));
        String sslmode = params.get("sslmode");
        if (sslmode != null) {
            p.setProperty("sslmode", sslmode);
        }
        return p;
    }

    /** The connect string with the password masked, for logs and messages. */
    public String masked() {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(k).append('=').append("password".equals(k) ? "***" : v);
        });
        return sb.toString();
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? fallback : v;
    }

    private static String urlEncode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }
}
