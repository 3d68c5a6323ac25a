package org.skytools.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.testkit.ClusterGroup;
import org.skytools.testkit.PgCluster;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/** Connecting through {@link DbConnector}: application name, and the errors a person reads. */
@PgTest(clusters = 2)
@Timeout(60)
class DbConnectorIT {
    private static final String ROLE = "skytools_pw";
    private static final String PASSWORD = "right-pw";

    @TempDir
    Path home;

    private ConnectEnvironment emptyEnv() {
        return new ConnectEnvironment(Map.of(), home, "nobody");
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void connectsWithTheJobNameAsApplicationName(TestDatabase db) throws Exception {
        DbConnector connector = new DbConnector("job_one", emptyEnv());
        try (Connection c = connector.connect(db.connString())) {
            assertThat(scalar(c, "select current_setting('application_name')")).isEqualTo("job_one");
            assertThat(scalar(c, "select current_database()")).isEqualTo(db.name());
            assertThat(c.getAutoCommit()).isTrue();
        }
        ConnectString withExtra = ConnectString.parse(db.connString()).withExtra("application_name=from_extra");
        try (Connection c = connector.connect(withExtra)) {
            assertThat(scalar(c, "select current_setting('application_name')")).isEqualTo("from_extra");
        }
    }

    @Test
    void uriFormConnectsToo(TestDatabase db) throws Exception {
        PgCluster cluster = db.cluster();
        String uri =
                "postgresql://" + cluster.superuser() + "@" + cluster.host() + ":" + cluster.port() + "/" + db.name();
        try (Connection c = new DbConnector("uri_job", emptyEnv()).connect(uri)) {
            assertThat(scalar(c, "select current_database()")).isEqualTo(db.name());
        }
    }

    @Test
    void refusedConnectionIsDbConnectWithHint() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        DbConnector connector = new DbConnector("job", emptyEnv());
        assertThatThrownBy(
                        () -> connector.connect("host=127.0.0.1 port=" + port + " dbname=mydb user=u password=secret"))
                .isInstanceOf(SkyToolsException.class)
                .hasMessage("cannot connect to database \"mydb\" at 127.0.0.1:" + port
                        + ": connection refused; check that the server is running and accepts TCP connections")
                .satisfies(e -> assertThat(((SkyToolsException) e).kind()).isEqualTo(ErrorKind.DB_CONNECT));
    }

    @Test
    void missingDatabaseIsDbAuth(PgCluster cluster) {
        DbConnector connector = new DbConnector("job", emptyEnv());
        assertThatThrownBy(() -> connector.connect(cluster.connString("no_such_db")))
                .isInstanceOf(SkyToolsException.class)
                .hasMessage("database \"no_such_db\" does not exist at 127.0.0.1:" + cluster.port())
                .satisfies(e -> assertThat(((SkyToolsException) e).kind()).isEqualTo(ErrorKind.DB_AUTH));
    }

    @Test
    void wrongPasswordIsDbAuthWithoutThePassword(ClusterGroup group) throws Exception {
        PgCluster cluster = requirePasswordFor(group.get(1));
        DbConnector connector = new DbConnector("job", emptyEnv());
        String connstr = "host=127.0.0.1 port=" + cluster.port() + " dbname=postgres user=" + ROLE;
        assertThatThrownBy(() -> connector.connect(connstr + " password=wrong-pw-123"))
                .isInstanceOf(SkyToolsException.class)
                .hasMessage("password authentication failed for user \"" + ROLE + "\" on database \"postgres\"")
                .hasMessageNotContaining("wrong-pw-123")
                .satisfies(e -> assertThat(((SkyToolsException) e).kind()).isEqualTo(ErrorKind.DB_AUTH));
        try (Connection c = connector.connect(connstr + " password=" + PASSWORD)) {
            assertThat(scalar(c, "select current_user")).isEqualTo(ROLE);
        }
    }

    @Test
    void pgpassSuppliesThePasswordUnlessWorldReadable(ClusterGroup group) throws Exception {
        PgCluster cluster = requirePasswordFor(group.get(1));
        Path pgpass = home.resolve(".pgpass");
        Files.writeString(pgpass, "127.0.0.1:" + cluster.port() + ":*:" + ROLE + ":" + PASSWORD + "\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        String connstr = "host=127.0.0.1 port=" + cluster.port() + " dbname=postgres user=" + ROLE;
        DbConnector connector = new DbConnector("job", emptyEnv());
        try (Connection c = connector.connect(connstr)) {
            assertThat(scalar(c, "select current_user")).isEqualTo(ROLE);
        }
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> connector.connect(connstr))
                .isInstanceOf(SkyToolsException.class)
                .satisfies(e -> assertThat(((SkyToolsException) e).kind()).isEqualTo(ErrorKind.DB_AUTH));
    }

    @Test
    void poolHandsOutConnectionsNamedAfterTheJob(TestDatabase db) throws Exception {
        DbConnector connector = new DbConnector("pooled_job", emptyEnv());
        try (HikariDataSource pool = connector.pool(ConnectString.parse(db.connString()), 2)) {
            assertThat(pool.getPoolName()).isEqualTo("pooled_job");
            assertThat(pool.getMaximumPoolSize()).isEqualTo(2);
            try (Connection a = pool.getConnection();
                    Connection b = pool.getConnection()) {
                assertThat(scalar(a, "select current_setting('application_name')"))
                        .isEqualTo("pooled_job");
                assertThat(scalar(b, "select count(*) from pg_stat_activity where application_name = 'pooled_job'"))
                        .isEqualTo("2");
            }
        }
    }

    // Puts a password rule for one role in front of the trust rules of the class's own cluster.
    private static PgCluster requirePasswordFor(PgCluster cluster) throws Exception {
        Path hba = cluster.dataDir().resolve("pg_hba.conf");
        String rules = Files.readString(hba);
        String line = "host all " + ROLE + " 127.0.0.1/32 scram-sha-256\n";
        if (!rules.startsWith(line)) {
            Files.writeString(hba, line + rules);
            cluster.reload();
            try (Connection c = cluster.connect("postgres");
                    Statement st = c.createStatement()) {
                st.execute("set password_encryption = 'scram-sha-256'");
                st.execute("create role " + ROLE + " login password " + Quoting.quoteLiteral(PASSWORD));
            }
        }
        return cluster;
    }
}
