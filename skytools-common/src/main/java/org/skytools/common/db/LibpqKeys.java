package org.skytools.common.db;

import java.util.Map;
import java.util.Set;

/** The connection keywords libpq knows, and where each one goes in pgjdbc. */
final class LibpqKeys {
    /** libpq keyword to pgjdbc property, for keys whose value passes through as is. */
    static final Map<String, String> DIRECT = Map.ofEntries(
            Map.entry("user", "user"),
            Map.entry("password", "password"),
            Map.entry("options", "options"),
            Map.entry("replication", "replication"),
            Map.entry("gssencmode", "gssEncMode"),
            Map.entry("sslmode", "sslmode"),
            Map.entry("sslnegotiation", "sslNegotiation"),
            Map.entry("sslcert", "sslcert"),
            Map.entry("sslkey", "sslkey"),
            Map.entry("sslpassword", "sslpassword"),
            Map.entry("sslrootcert", "sslrootcert"),
            Map.entry("krbsrvname", "kerberosServerName"),
            Map.entry("gsslib", "gsslib"),
            Map.entry("channel_binding", "channelBinding"),
            Map.entry("require_auth", "requireAuth"));

    /** Keys this resolver interprets itself before building the pgjdbc settings. */
    static final Set<String> HANDLED = Set.of(
            "host",
            "hostaddr",
            "port",
            "dbname",
            "passfile",
            "service",
            "connect_timeout",
            "application_name",
            "fallback_application_name",
            "keepalives",
            "client_encoding",
            "requiressl",
            "target_session_attrs",
            "load_balance_hosts");

    /** Keys libpq accepts that have no pgjdbc counterpart; they are ignored with a warning. */
    static final Set<String> IGNORED = Set.of(
            "keepalives_idle",
            "keepalives_interval",
            "keepalives_count",
            "tcp_user_timeout",
            "sslcompression",
            "sslcrl",
            "sslcrldir",
            "sslsni",
            "sslcertmode",
            "requirepeer",
            "ssl_min_protocol_version",
            "ssl_max_protocol_version",
            "gssdelegation",
            "sslkeylogfile",
            "min_protocol_version",
            "max_protocol_version");

    /** Environment variables libpq reads for defaults, by keyword. */
    static final Map<String, String> ENVIRONMENT = Map.ofEntries(
            Map.entry("host", "PGHOST"),
            Map.entry("hostaddr", "PGHOSTADDR"),
            Map.entry("port", "PGPORT"),
            Map.entry("dbname", "PGDATABASE"),
            Map.entry("user", "PGUSER"),
            Map.entry("password", "PGPASSWORD"),
            Map.entry("passfile", "PGPASSFILE"),
            Map.entry("options", "PGOPTIONS"),
            Map.entry("application_name", "PGAPPNAME"),
            Map.entry("sslmode", "PGSSLMODE"),
            Map.entry("sslnegotiation", "PGSSLNEGOTIATION"),
            Map.entry("sslcert", "PGSSLCERT"),
            Map.entry("sslkey", "PGSSLKEY"),
            Map.entry("sslrootcert", "PGSSLROOTCERT"),
            Map.entry("requiressl", "PGREQUIRESSL"),
            Map.entry("connect_timeout", "PGCONNECT_TIMEOUT"),
            Map.entry("client_encoding", "PGCLIENTENCODING"),
            Map.entry("target_session_attrs", "PGTARGETSESSIONATTRS"),
            Map.entry("load_balance_hosts", "PGLOADBALANCEHOSTS"),
            Map.entry("gssencmode", "PGGSSENCMODE"),
            Map.entry("krbsrvname", "PGKRBSRVNAME"),
            Map.entry("gsslib", "PGGSSLIB"),
            Map.entry("channel_binding", "PGCHANNELBINDING"),
            Map.entry("require_auth", "PGREQUIREAUTH"));

    private LibpqKeys() {}

    static boolean isKnown(String key) {
        return DIRECT.containsKey(key) || HANDLED.contains(key) || IGNORED.contains(key);
    }
}
