package org.skytools.qadmin;

import java.util.LinkedHashMap;
import java.util.Map;
import org.skytools.common.db.ConnectString;

/**
 * The first connection from the command line: {@code -h}, {@code -p}, {@code -U}, {@code -d}, and
 * the positional argument, which is a connect string when it holds {@code =} or is a URI and a
 * database name otherwise. Keys of the positional connect string win, as in SkyTools 3, which put
 * it last. Anything left out comes from the {@code PG*} environment and libpq's defaults.
 */
final class StartupTarget {
    private StartupTarget() {}

    static ConnectString connectString(String host, String port, String user, String dbname, String target) {
        Map<String, String> params = new LinkedHashMap<>();
        putIfSet(params, "host", host);
        putIfSet(params, "port", port);
        putIfSet(params, "user", user);
        putIfSet(params, "dbname", dbname);
        if (target != null) {
            if (target.contains("=") || target.startsWith("postgresql://") || target.startsWith("postgres://")) {
                params.putAll(ConnectString.parse(target).params());
            } else {
                params.put("dbname", target);
            }
        }
        return ConnectString.of(params);
    }

    private static void putIfSet(Map<String, String> params, String key, String value) {
        if (value != null) {
            params.put(key, value);
        }
    }
}
