package org.skytools.qadmin.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import org.skytools.common.cli.VersionProvider;
import org.skytools.common.db.DdlStatement;
import org.skytools.common.db.FqName;
import org.skytools.common.db.SequenceStructure;
import org.skytools.common.db.TableStructureReader;
import org.skytools.qadmin.lang.Statement;

/** {@code show help}, {@code show version}, {@code show node}, {@code show table} and {@code show sequence}. */
final class InfoActions {
    private static final String RULE = "-".repeat(64);

    private final Session session;
    private final Output out;

    InfoActions(Session session, Output out) {
        this.session = session;
        this.out = out;
    }

    void help() {
        try (InputStream in = InfoActions.class.getResourceAsStream("/org/skytools/qadmin/help.txt")) {
            if (in == null) {
                throw new IllegalStateException("help.txt missing from the qadmin jar");
            }
            out.line(new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void version() {
        out.line("qadmin version " + VersionProvider.productVersion());
        out.line("server version " + session.serverVersion());
        out.line("pgq version " + session.pgqVersion());
    }

    void node(Statement.ShowNode statement) throws SQLException {
        session.requireSchema("pgq_node", "install pgq;");
        String node = name(statement.node());
        String queue = name(statement.queue());
        ResultTable table = Db.table(
                session.connection(),
                "select queue_name, node_name, node_location, dead from pgq_node.node_location"
                        + " where node_name = coalesce(?::text, node_name) and queue_name = coalesce(?::text, queue_name)"
                        + " order by 1, 2",
                node,
                queue);
        out.table(
                "Node \"" + (node == null ? "*" : node) + "\" on queue \"" + (queue == null ? "*" : queue) + "\":",
                table);
    }

    void table(Statement.ShowTable statement) throws SQLException {
        FqName name = fqName(statement.table());
        print(new TableStructureReader().read(session.connection(), name).fullDdl());
    }

    void sequence(Statement.ShowSequence statement) throws SQLException {
        FqName name = fqName(statement.sequence());
        print(SequenceStructure.read(session.connection(), name).createDdl());
    }

    private void print(List<DdlStatement> ddl) {
        out.line(RULE);
        for (DdlStatement d : ddl) {
            out.line(d.sql() + ";");
        }
        out.line(RULE);
    }

    /** Unqualified names live in {@code public}, as in SkyTools. */
    private static FqName fqName(List<String> parts) {
        if (parts.size() == 1) {
            return new FqName("public", parts.get(0));
        }
        return new FqName(parts.get(0), String.join(".", parts.subList(1, parts.size())));
    }

    private static String name(Statement.Target target) {
        return target == null || target.isAll() ? null : target.name();
    }
}
