package org.skytools.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;

class DbConnectorTest {
    private static final JdbcTarget TARGET = ConnectString.parse("host=db1 port=6432 dbname=shop user=ann password=pw")
            .toJdbc("job", new ConnectEnvironment(Map.of(), Path.of("/nonexistent"), "x"));

    @Test
    void authFailuresAreDbAuthWithoutPassword() {
        SkyToolsException e = DbConnector.connectFailure(new SQLException("FATAL: password ...", "28P01"), TARGET);
        assertThat(e.kind()).isEqualTo(ErrorKind.DB_AUTH);
        assertThat(e.getMessage()).isEqualTo("password authentication failed for user \"ann\" on database \"shop\"");
        SkyToolsException hba = DbConnector.connectFailure(new SQLException("No pg_hba.conf entry.", "28000"), TARGET);
        assertThat(hba.kind()).isEqualTo(ErrorKind.DB_AUTH);
        assertThat(hba.getMessage())
                .isEqualTo(
                        "authentication failed for user \"ann\" on database \"shop\" at db1:6432: no pg_hba.conf entry");
    }

    @Test
    void missingDatabaseIsDbAuth() {
        SkyToolsException e = DbConnector.connectFailure(new SQLException("x", "3D000"), TARGET);
        assertThat(e.kind()).isEqualTo(ErrorKind.DB_AUTH);
        assertThat(e.getMessage()).isEqualTo("database \"shop\" does not exist at db1:6432");
    }

    @Test
    void networkFailuresAreDbConnectWithShortReason() {
        SQLException refused = new SQLException(
                "Connection to db1:6432 refused.", "08001", new ConnectException("Connection refused"));
        SkyToolsException e = DbConnector.connectFailure(refused, TARGET);
        assertThat(e.kind()).isEqualTo(ErrorKind.DB_CONNECT);
        assertThat(e.getMessage())
                .isEqualTo("cannot connect to database \"shop\" at db1:6432: connection refused;"
                        + " check that the server is running and accepts TCP connections");
        SQLException unknown =
                new SQLException("The connection attempt failed.", "08001", new UnknownHostException("db1"));
        assertThat(DbConnector.connectFailure(unknown, TARGET).getMessage()).contains(": unknown host \"db1\";");
        SQLException startingUp = new SQLException("The database system is starting up.", "57P03");
        assertThat(DbConnector.connectFailure(startingUp, TARGET).getMessage())
                .contains(": the database system is starting up;");
    }
}
