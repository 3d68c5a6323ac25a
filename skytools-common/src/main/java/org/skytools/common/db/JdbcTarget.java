package org.skytools.common.db;

import java.util.List;
import java.util.Properties;

/**
 * A connect string resolved for pgjdbc: the JDBC URL, the connection properties (which may hold
 * the password) and the effective database, user and hosts, for messages. {@link #toString} never
 * shows the password.
 *
 * @param url {@code jdbc:postgresql://host:port[,host:port...]/dbname}
 * @param properties pgjdbc properties; treat as read-only, {@link #newProperties()} gives a copy
 * @param dbname the database connected to
 * @param user the login role
 * @param hosts {@code host:port} of each host, in order
 */
public record JdbcTarget(String url, Properties properties, String dbname, String user, List<String> hosts) {

    /** Copies the host list. */
    public JdbcTarget {
        hosts = List.copyOf(hosts);
    }

    /** A fresh copy of the connection properties, safe to modify. */
    public Properties newProperties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    /** The hosts as one {@code host:port,host:port} string. */
    public String hostList() {
        return String.join(",", hosts);
    }

    /** The {@code ApplicationName} the server will see. */
    public String applicationName() {
        return properties.getProperty("ApplicationName");
    }

    @Override
    public String toString() {
        return "JdbcTarget[url=" + url + ", user=" + user + ", applicationName=" + applicationName() + "]";
    }
}
