package org.skytools.walmgr.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.skytools.common.db.ConnectString;
import org.skytools.common.db.DbConnector;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.walmgr.wal.Lsn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session on the master. A base backup keeps this one session open from start to stop:
 * non-exclusive backups belong to the session, and the server aborts the backup when the session
 * ends, so a killed walmgr leaves no backup mode behind.
 */
public final class MasterDb implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MasterDb.class);

    private final Connection conn;
    private final int major;

    private MasterDb(Connection conn, int major) {
        this.conn = conn;
        this.major = major;
    }

    /**
     * Opens a session through the shared connector (libpq semantics: service file, {@code PG*}
     * variables, .pgpass); fails with {@code DB_CONNECT}/{@code DB_AUTH}, the password masked.
     *
     * @param jobName becomes the session's {@code application_name}
     */
    public static MasterDb connect(String connString, String jobName, int timeoutSeconds) {
        ConnectString cs = ConnectString.parse(connString);
        if (cs.get("connect_timeout").isEmpty()) {
            cs = cs.with("connect_timeout", Integer.toString(timeoutSeconds));
        }
        Connection c;
        try {
            c = new DbConnector(jobName).connect(cs);
        } catch (SkyToolsException e) {
            throw new SkyToolsException(e.kind(), "master_db: " + e.getMessage(), e.getCause());
        }
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select current_setting('server_version_num')::int")) {
            c.setAutoCommit(true);
            rs.next();
            return new MasterDb(c, rs.getInt(1) / 10000);
        } catch (SQLException e) {
            closeQuietly(c);
            throw sqlFailure("cannot read the server version", e);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            log.debug("closing: {}", e.getMessage());
        }
    }

    /** The server's major version (13, 14, ...). */
    public int major() {
        return major;
    }

    /** The current value of a server setting ({@code current_setting}). */
    public String setting(String name) {
        try (PreparedStatement ps = conn.prepareStatement("select current_setting(?)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw sqlFailure("cannot read setting " + name, e);
        }
    }

    /** Starts a non-exclusive backup in this session; returns its start location. */
    public Lsn backupStart(String label, boolean fast) {
        String sql = major >= 15 ? "select pg_backup_start(?, ?)::text" : "select pg_start_backup(?, ?, false)::text";
        log.info("Execute SQL: {} [{}, {}]", sql, label, fast);
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, label);
            ps.setBoolean(2, fast);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Lsn.valueOf(rs.getString(1));
            }
        } catch (SQLException e) {
            throw sqlFailure("cannot start the backup", e);
        }
    }

    /** What the server hands back when a non-exclusive backup stops. */
    public record BackupStop(Lsn lsn, String labelFile, String tablespaceMap) {}

    /**
     * Stops the backup of this session; with {@code waitForArchive} the call returns only once
     * every WAL segment the backup needs has been archived.
     */
    public BackupStop backupStop(boolean waitForArchive) {
        String sql = major >= 15
                ? "select lsn::text, labelfile, spcmapfile from pg_backup_stop(?)"
                : "select lsn::text, labelfile, spcmapfile from pg_stop_backup(false, ?)";
        log.info("Execute SQL: {} [{}]", sql, waitForArchive);
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setBoolean(1, waitForArchive);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new BackupStop(Lsn.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3));
            }
        } catch (SQLException e) {
            throw sqlFailure("cannot stop the backup", e);
        }
    }

    /** The current WAL file and the offset of the current write position in it. */
    public record WalPosition(String fileName, long offset) {}

    public WalPosition currentWalPosition() {
        String sql = "select file_name, file_offset from pg_walfile_name_offset(pg_current_wal_lsn())";
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return new WalPosition(rs.getString(1), rs.getLong(2));
        } catch (SQLException e) {
            throw sqlFailure("cannot read the current WAL position", e);
        }
    }

    /** The WAL segment size in bytes. */
    public long walSegmentSize() {
        try (Statement st = conn.createStatement();
                ResultSet rs =
                        st.executeQuery("select setting::bigint from pg_settings where name = 'wal_segment_size'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw sqlFailure("cannot read wal_segment_size", e);
        }
    }

    /** Application names of the connected streaming standbys. */
    public List<String> standbyNames() {
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("select application_name from pg_stat_replication")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw sqlFailure("cannot list standbys", e);
        }
    }

    private static SkyToolsException sqlFailure(String what, SQLException e) {
        ErrorKind kind =
                e.getSQLState() != null && e.getSQLState().startsWith("08") ? ErrorKind.DB_CONNECT : ErrorKind.RUNTIME;
        return new SkyToolsException(kind, what + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            log.debug("closing the master session: {}", e.getMessage());
        }
    }
}
