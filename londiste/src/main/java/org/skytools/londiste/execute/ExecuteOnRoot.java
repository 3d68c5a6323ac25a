package org.skytools.londiste.execute;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.skytools.common.error.SkyToolsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code londiste CONFIG execute FILE...} (L-33): on the root, in one transaction under
 * {@code session_replication_role = local}, each file not yet applied is run (unless its
 * attributes say it does not concern this node) and queued as an EXECUTE event for every node.
 */
public final class ExecuteOnRoot {
    private static final Logger log = LoggerFactory.getLogger(ExecuteOnRoot.class);

    private final Connection db;
    private final String queue;

    public ExecuteOnRoot(Connection db, String queue) {
        this.db = db;
        this.queue = queue;
    }

    /** Runs the files; returns how many were executed (skipped ones not counted). */
    public int run(List<Path> files) throws SQLException {
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try {
            try (Statement st = db.createStatement()) {
                st.execute("set local session_replication_role = 'local'");
            }
            LocalObjects local = LocalObjects.load(db, queue);
            int executed = 0;
            for (Path file : files) {
                executed += runOne(file, local) ? 1 : 0;
            }
            db.commit();
            return executed;
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(autoCommit);
        }
    }

    private boolean runOne(Path file, LocalObjects local) throws SQLException {
        String name = file.getFileName().toString();
        String sql = read(file);
        ExecAttributes attrs = ExecAttributes.fromSql(sql);
        int code;
        String note;
        try (PreparedStatement ps =
                db.prepareStatement("select ret_code, ret_note from londiste.execute_start(?, ?, ?, true, ?)")) {
            ps.setString(1, queue);
            ps.setString(2, name);
            ps.setString(3, sql);
            ps.setString(4, attrs.toUrlenc());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                code = rs.getInt(1);
                note = rs.getString(2);
            }
        }
        if (code >= 400) {
            throw SkyToolsException.state("execute " + name + ": " + note);
        }
        if (code > 200) {
            log.info("skipping execution of {}: {}", name, note);
            return false;
        }
        if (attrs.needExecute(db, local.tables(), local.seqs())) {
            log.info("executing {}", name);
            try (Statement st = db.createStatement()) {
                st.execute(attrs.processSql(sql, local.tables(), local.seqs()));
            }
        } else {
            log.info("{} does not concern this node: recorded and sent on, not run here", name);
        }
        try (PreparedStatement ps =
                db.prepareStatement("select ret_code, ret_note from londiste.execute_finish(?, ?)")) {
            ps.setString(1, queue);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getInt(1) >= 400) {
                    throw SkyToolsException.state("execute " + name + ": " + rs.getString(2));
                }
            }
        }
        return true;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw SkyToolsException.usage("SQL file \"" + file + "\" does not exist");
        } catch (IOException e) {
            throw SkyToolsException.usage("cannot read SQL file \"" + file + "\": " + e.getMessage());
        }
    }
}
