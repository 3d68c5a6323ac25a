package org.skytools.common.db;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.skytools.common.error.SkyToolsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link ConnectString} into pgjdbc settings the way libpq fills in a connection: the
 * string first, then the service file, then {@code PG*} variables, then defaults, and the
 * password file last.
 */
final class ConnectResolver {
    private static final Logger log = LoggerFactory.getLogger(ConnectResolver.class);

    // Debian's libpq looks for the system-wide pg_service.conf here when PGSYSCONFDIR is unset.
    private static final String DEFAULT_SYSCONFDIR = "/etc/postgresql-common";

    private final ConnectEnvironment env;

    ConnectResolver(ConnectEnvironment env) {
        this.env = env;
    }

    JdbcTarget resolve(ConnectString cs, String applicationName) {
        Map<String, String> p = new LinkedHashMap<>(cs.params());
        applyService(p, cs);
        LibpqKeys.ENVIRONMENT.forEach((key, var) -> {
            if (!p.containsKey(key) && env.get(var) != null) {
                p.put(key, env.get(var));
            }
        });
        String user = nonEmpty(p.get("user")).orElse(env.osUser());
        String dbname = nonEmpty(p.get("dbname")).orElse(user);
        // libpq's default host is its unix socket; pgjdbc speaks TCP only, so the default (and an
        // empty entry in a host list) is localhost.
        List<String> names = splitList(nonEmpty(p.get("host")).orElse("localhost")).stream()
                .map(h -> h.isEmpty() ? "localhost" : h)
                .toList();
        List<String> addrs =
                nonEmpty(p.get("hostaddr")).map(ConnectResolver::splitList).orElse(names);
        if (addrs.size() != names.size()) {
            throw invalid(cs, "has " + names.size() + " host names but " + addrs.size() + " host addresses");
        }
        List<String> connectTo = new ArrayList<>();
        for (int i = 0; i < addrs.size(); i++) {
            connectTo.add(addrs.get(i).isEmpty() ? names.get(i) : addrs.get(i));
        }
        List<String> ports = ports(cs, nonEmpty(p.get("port")).orElse("5432"), names.size());
        for (String h : connectTo) {
            if (h.startsWith("/") || h.startsWith("@")) {
                throw invalid(
                        cs,
                        "uses the unix-domain socket \"" + h + "\", which pgjdbc cannot use;"
                                + " connect over TCP instead, e.g. host=127.0.0.1");
            }
        }

        Properties props = new Properties();
        props.setProperty("user", user);
        LibpqKeys.DIRECT.forEach((key, prop) -> {
            if (p.containsKey(key)) {
                props.setProperty(prop, p.get(key));
            }
        });
        if (!p.containsKey("password")) {
            lookupPassword(p, names, ports, dbname, user, props);
        }
        applyOptions(cs, p, props);
        String app = nonEmpty(p.get("application_name"))
                .or(() -> nonEmpty(applicationName))
                .or(() -> nonEmpty(p.get("fallback_application_name")))
                .orElse("skytools");
        props.setProperty("ApplicationName", app);
        // date and time values come as text: a batch's ev_time is kept as the server printed it
        // and parsed only when asked for, which costs less than decoding the binary form and
        // formatting it again for every event
        props.setProperty("binaryTransferDisable", "DATE,TIME,TIMETZ,TIMESTAMP,TIMESTAMPTZ");

        List<String> hostPorts = new ArrayList<>();
        for (int i = 0; i < connectTo.size(); i++) {
            String h = connectTo.get(i);
            hostPorts.add((h.contains(":") ? "[" + h + "]" : h) + ":" + ports.get(i));
        }
        String url = "jdbc:postgresql://" + String.join(",", hostPorts) + "/"
                + URLEncoder.encode(dbname, StandardCharsets.UTF_8);
        return new JdbcTarget(url, props, dbname, user, hostPorts);
    }

    private void applyService(Map<String, String> p, ConnectString cs) {
        String service = nonEmpty(p.remove("service")).orElse(env.get("PGSERVICE"));
        if (service == null) {
            return;
        }
        Path userFile = env.get("PGSERVICEFILE") != null
                ? Path.of(env.get("PGSERVICEFILE"))
                : env.home().resolve(".pg_service.conf");
        String sysconf = env.get("PGSYSCONFDIR") != null ? env.get("PGSYSCONFDIR") : DEFAULT_SYSCONFDIR;
        Map<String, String> values = new PgServiceFile(userFile)
                .find(service)
                .or(() -> new PgServiceFile(Path.of(sysconf, "pg_service.conf")).find(service))
                .orElseThrow(() -> invalid(
                        cs,
                        "names service \"" + service + "\", which is not defined in \"" + userFile + "\" nor in \""
                                + Path.of(sysconf, "pg_service.conf") + "\""));
        values.forEach(p::putIfAbsent);
    }

    private void lookupPassword(
            Map<String, String> p, List<String> hosts, List<String> ports, String db, String user, Properties props) {
        Path file = nonEmpty(p.get("passfile")).map(Path::of).orElse(env.home().resolve(".pgpass"));
        PgPassFile pgpass = new PgPassFile(file);
        if (!pgpass.exists()) {
            return;
        }
        if (!pgpass.isPrivate()) {
            // pgjdbc would read the same file on its own when no password is set; an empty
            // password keeps the file ignored, as libpq ignores it.
            props.setProperty("password", "");
            return;
        }
        for (int i = 0; i < hosts.size(); i++) {
            Optional<String> pw = pgpass.find(hosts.get(i), ports.get(i), db, user);
            if (pw.isPresent()) {
                props.setProperty("password", pw.get());
                return;
            }
        }
    }

    private void applyOptions(ConnectString cs, Map<String, String> p, Properties props) {
        if (p.containsKey("connect_timeout")) {
            int t = parseInt(cs, "connect_timeout", p.get("connect_timeout"));
            // libpq: zero or negative means wait forever, which is pgjdbc's 0.
            props.setProperty("connectTimeout", Integer.toString(Math.max(t, 0)));
        }
        // libpq turns TCP keepalives on by default; pgjdbc does not.
        props.setProperty("tcpKeepAlive", Boolean.toString(!"0".equals(p.get("keepalives"))));
        if (!p.containsKey("sslmode") && p.containsKey("requiressl")) {
            props.setProperty("sslmode", "1".equals(p.get("requiressl")) ? "require" : "prefer");
        }
        if (p.containsKey("sslmode")) {
            String mode = p.get("sslmode");
            if (!List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
                    .contains(mode)) {
                throw invalid(cs, "has invalid sslmode \"" + mode + "\"");
            }
        }
        if (p.containsKey("target_session_attrs")) {
            props.setProperty("targetServerType", targetServerType(cs, p.get("target_session_attrs")));
        }
        if (p.containsKey("load_balance_hosts")) {
            String v = p.get("load_balance_hosts");
            if (!v.equals("disable") && !v.equals("random")) {
                throw invalid(cs, "has invalid load_balance_hosts \"" + v + "\"; use disable or random");
            }
            props.setProperty("loadBalanceHosts", Boolean.toString(v.equals("random")));
        }
        String encoding = p.get("client_encoding");
        if (encoding != null && !encoding.replace("-", "").equalsIgnoreCase("utf8")) {
            log.warn("connect string key client_encoding={} is ignored: pgjdbc always talks UTF8", encoding);
        }
        for (String key : p.keySet()) {
            if (LibpqKeys.IGNORED.contains(key)) {
                log.warn("connect string key \"{}\" has no pgjdbc equivalent and is ignored", key);
            }
        }
    }

    private static String targetServerType(ConnectString cs, String attrs) {
        return switch (attrs) {
            case "any" -> "any";
            case "read-write", "primary" -> "primary";
            case "read-only", "standby" -> "secondary";
            case "prefer-standby" -> "preferSecondary";
            default -> throw invalid(cs, "has invalid target_session_attrs \"" + attrs + "\"");
        };
    }

    private static List<String> ports(ConnectString cs, String portText, int hostCount) {
        List<String> ports = new ArrayList<>(splitList(portText));
        if (ports.size() == 1) {
            while (ports.size() < hostCount) {
                ports.add(ports.get(0));
            }
        }
        if (ports.size() != hostCount) {
            throw invalid(cs, "has " + hostCount + " hosts but " + ports.size() + " ports");
        }
        for (int i = 0; i < ports.size(); i++) {
            String port = ports.get(i).isEmpty() ? "5432" : ports.get(i);
            int n = parseInt(cs, "port", port);
            if (n < 1 || n > 65535) {
                throw invalid(cs, "has invalid port \"" + port + "\"");
            }
            ports.set(i, port);
        }
        return ports;
    }

    private static int parseInt(ConnectString cs, String key, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw invalid(cs, "has invalid " + key + " \"" + value + "\"; expected an integer");
        }
    }

    private static List<String> splitList(String text) {
        return Arrays.stream(text.split(",", -1)).map(String::strip).toList();
    }

    private static Optional<String> nonEmpty(String s) {
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static SkyToolsException invalid(ConnectString cs, String what) {
        return SkyToolsException.config("connect string \"" + cs.masked() + "\" " + what);
    }
}
