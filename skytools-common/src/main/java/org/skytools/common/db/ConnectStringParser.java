package org.skytools.common.db;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.skytools.common.error.SkyToolsException;

/** Parses libpq connect strings: {@code key=value} lists and {@code postgresql://} URIs. */
final class ConnectStringParser {
    private static final Pattern KV_PASSWORD =
            Pattern.compile("(?i)(password\\s*=\\s*)('(?:[^'\\\\]|\\\\.)*'?|(?:[^\\s\\\\]|\\\\.)*)");
    private static final Pattern URI_PASSWORD = Pattern.compile("(?i)(password=)[^&]*");
    private static final Pattern URI_USERINFO = Pattern.compile("^([a-z]+://[^:/@?]*:)[^/?]*@");

    private final String text;

    private ConnectStringParser(String text) {
        this.text = text;
    }

    /** Parses {@code text} into keyword/value pairs in order; a repeated key keeps its last value. */
    static Map<String, String> parse(String text) {
        return new ConnectStringParser(text).run();
    }

    /** Whether {@code text} is a URI rather than a keyword/value list. */
    static boolean isUri(String text) {
        return text.startsWith("postgresql://") || text.startsWith("postgres://");
    }

    /** {@code text} with every password replaced by {@code ***}; works on unparseable text too. */
    static String mask(String text) {
        if (text == null) {
            return null;
        }
        if (isUri(text)) {
            String s = URI_USERINFO.matcher(text).replaceFirst("$1***@");
            return URI_PASSWORD.matcher(s).replaceAll("$1***");
        }
        return KV_PASSWORD.matcher(text).replaceAll("$1***");
    }

    private Map<String, String> run() {
        Map<String, String> params = isUri(text) ? parseUri() : parseKeywords();
        for (String key : params.keySet()) {
            if (!LibpqKeys.isKnown(key)) {
                throw error("has unknown key \"" + key + "\"; see the libpq connection keywords");
            }
        }
        return params;
    }

    private SkyToolsException error(String what) {
        return SkyToolsException.config("connect string \"" + mask(text) + "\" " + what);
    }

    private Map<String, String> parseKeywords() {
        Map<String, String> params = new LinkedHashMap<>();
        int n = text.length();
        int i = skipSpace(0);
        while (i < n) {
            int start = i;
            while (i < n && text.charAt(i) != '=' && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            String key = text.substring(start, i);
            i = skipSpace(i);
            if (i >= n || text.charAt(i) != '=') {
                throw error("is invalid: missing \"=\" after \"" + key + "\"");
            }
            i = skipSpace(i + 1);
            StringBuilder value = new StringBuilder();
            if (i < n && text.charAt(i) == '\'') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw error("is invalid: unterminated quoted value for \"" + key + "\"");
                    }
                    char c = text.charAt(i);
                    if (c == '\'') {
                        i++;
                        break;
                    }
                    if (c == '\\' && i + 1 < n) {
                        c = text.charAt(++i);
                    }
                    value.append(c);
                    i++;
                }
            } else {
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    char c = text.charAt(i);
                    if (c == '\\' && i + 1 < n) {
                        c = text.charAt(++i);
                    }
                    value.append(c);
                    i++;
                }
            }
            params.put(key, value.toString());
            i = skipSpace(i);
        }
        return params;
    }

    private int skipSpace(int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private Map<String, String> parseUri() {
        Map<String, String> params = new LinkedHashMap<>();
        String rest = text.substring(text.indexOf("://") + 3);
        String query = null;
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        String authority = slash >= 0 ? rest.substring(0, slash) : rest;
        String path = slash >= 0 ? rest.substring(slash + 1) : "";
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userinfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userinfo.indexOf(':');
            String user = colon >= 0 ? userinfo.substring(0, colon) : userinfo;
            if (!user.isEmpty()) {
                params.put("user", decode(user));
            }
            if (colon >= 0) {
                params.put("password", decode(userinfo.substring(colon + 1)));
            }
        }
        parseHosts(authority, params);
        if (!path.isEmpty()) {
            params.put("dbname", decode(path));
        }
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    throw error("is invalid: missing \"=\" in URI parameter \"" + decode(pair) + "\"");
                }
                String key = decode(pair.substring(0, eq));
                String value = decode(pair.substring(eq + 1));
                // libpq accepts the JDBC spelling ssl=true and turns it into sslmode=require.
                if (key.equals("ssl") && value.equals("true")) {
                    params.put("sslmode", "require");
                } else {
                    params.put(key, value);
                }
            }
        }
        return params;
    }

    private void parseHosts(String authority, Map<String, String> params) {
        if (authority.isEmpty()) {
            return;
        }
        List<String> hosts = new ArrayList<>();
        List<String> ports = new ArrayList<>();
        for (String spec : authority.split(",", -1)) {
            String host;
            String port = "";
            if (spec.startsWith("[")) {
                int close = spec.indexOf(']');
                if (close < 0) {
                    throw error("is invalid: missing \"]\" in IPv6 host address");
                }
                host = spec.substring(1, close);
                String after = spec.substring(close + 1);
                if (after.startsWith(":")) {
                    port = after.substring(1);
                } else if (!after.isEmpty()) {
                    throw error("is invalid: unexpected \"" + after + "\" after IPv6 host address");
                }
            } else {
                int colon = spec.lastIndexOf(':');
                host = colon >= 0 ? spec.substring(0, colon) : spec;
                port = colon >= 0 ? spec.substring(colon + 1) : "";
            }
            hosts.add(decode(host));
            ports.add(decode(port));
        }
        if (hosts.stream().anyMatch(h -> !h.isEmpty())) {
            params.put("host", String.join(",", hosts));
        }
        if (ports.stream().anyMatch(p -> !p.isEmpty())) {
            params.put("port", String.join(",", ports));
        }
    }

    private String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        int i = 0;
        while (i < s.length()) {
            int pct = s.indexOf('%', i);
            int end = pct < 0 ? s.length() : pct;
            out.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
            if (pct < 0) {
                break;
            }
            int hi = pct + 2 < s.length() ? Character.digit(s.charAt(pct + 1), 16) : -1;
            int lo = pct + 2 < s.length() ? Character.digit(s.charAt(pct + 2), 16) : -1;
            // The token itself is not quoted: it may be part of a password.
            if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) {
                throw error("is invalid: bad percent-encoding (use %XX with two hex digits, not %00)");
            }
            out.write(hi * 16 + lo);
            i = pct + 3;
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
