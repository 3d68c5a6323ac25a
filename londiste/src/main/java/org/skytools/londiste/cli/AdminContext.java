package org.skytools.londiste.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.skytools.common.config.GenericKeys;
import org.skytools.common.config.SkyConfig;
import org.skytools.common.db.ConnectString;
import org.skytools.common.db.DbConnector;
import org.skytools.londiste.config.LondisteKeys;
import org.skytools.pgq.consumer.ConsumerKeys;

/**
 * What an admin command works with: the config, the switches, its arguments, the output, and the
 * connections it opens (the local node's, and other nodes' with {@code remote_extra_connstr}),
 * which are closed when the command ends.
 */
public final class AdminContext implements AutoCloseable {
    private final SkyConfig config;
    private final LondisteOptions options;
    private final List<String> args;
    private final PrintWriter out;
    private final DbConnector connector;
    private final List<Connection> opened = new ArrayList<>();
    private Connection node;

    public AdminContext(SkyConfig config, LondisteOptions options, List<String> args, PrintWriter out) {
        this.config = config;
        this.options = options;
        this.args = List.copyOf(args);
        this.out = out;
        this.connector = new DbConnector(jobName());
    }

    public SkyConfig config() {
        return config;
    }

    public LondisteOptions options() {
        return options;
    }

    /** The command's arguments after the command name. */
    public List<String> args() {
        return args;
    }

    public PrintWriter out() {
        return out;
    }

    public String jobName() {
        return GenericKeys.JOB_NAME.get(config);
    }

    public String queueName() {
        return ConsumerKeys.QUEUE_NAME.get(config);
    }

    /** The local node's connect string ({@code db}). */
    public String nodeConnstr() {
        return LondisteKeys.DB.get(config);
    }

    /** The local node's database, opened once, in autocommit. */
    public Connection node() throws SQLException {
        if (node == null) {
            node = connector.connect(nodeConnstr());
            opened.add(node);
        }
        return node;
    }

    /** A new connection to another node, with {@code remote_extra_connstr} appended. */
    public Connection remote(String connstr) {
        String extra = LondisteKeys.REMOTE_EXTRA_CONNSTR.get(config);
        ConnectString cs = ConnectString.parse(connstr);
        if (extra != null && !extra.isBlank()) {
            cs = cs.withExtra(extra);
        }
        Connection c = connector.connect(cs);
        opened.add(c);
        return c;
    }

    /** A new connection to the local node, for work beside {@link #node()}. */
    public Connection newNodeConnection() {
        Connection c = connector.connect(nodeConnstr());
        opened.add(c);
        return c;
    }

    @Override
    public void close() {
        for (Connection c : opened) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing after the command's outcome is known: nothing to report
            }
        }
        opened.clear();
        node = null;
    }
}
