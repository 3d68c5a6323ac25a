package org.skytools.pgqd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;

class StartupReportTest {

    @Test
    void oneServedDatabaseIsEnoughAndDecidesAtOnce() {
        StartupReport report = new StartupReport(3);
        report.add(FirstCheck.notServed("a", ErrorKind.SCHEMA_MISSING, "database \"a\": no schema \"pgq\""));
        assertThat(report.decided()).isFalse();
        report.add(FirstCheck.served("b"));
        assertThat(report.decided()).isTrue();
        assertThat(report.failure()).isEmpty();
    }

    @Test
    void withoutPgqAnywhereTheFailureNamesEachDatabaseAndSaysToInstallPgq() {
        StartupReport report = new StartupReport(2);
        report.add(FirstCheck.notServed("a", ErrorKind.SCHEMA_MISSING, "database \"a\": no schema \"pgq\""));
        report.add(FirstCheck.notServed("b", ErrorKind.SCHEMA_VERSION, "database \"b\": pgq version 2.1 is too old"));
        assertThat(report.decided()).isTrue();
        SkyToolsException failure = report.failure().orElseThrow();
        assertThat(failure.kind()).isEqualTo(ErrorKind.SCHEMA_VERSION);
        assertThat(failure.getMessage())
                .isEqualTo("no database can be served: database \"a\": no schema \"pgq\"; database \"b\": pgq"
                        + " version 2.1 is too old; install PgQ 3 in the databases to tick");
    }

    @Test
    void anUnreachableDatabaseGivesTheConnectionExitCode() {
        StartupReport report = new StartupReport(3);
        report.add(FirstCheck.notServed("a", ErrorKind.SCHEMA_MISSING, "database \"a\": no schema \"pgq\""));
        report.add(FirstCheck.notServed("b", ErrorKind.DB_CONNECT, "cannot connect to database \"b\""));
        SkyToolsException failure = report.failure().orElseThrow();
        assertThat(failure.kind()).isEqualTo(ErrorKind.DB_CONNECT);
        assertThat(failure.getMessage()).endsWith("; 1 database(s) did not answer in time");
    }

    @Test
    void anEmptyClusterIsAFailureToo() {
        StartupReport report = new StartupReport(0);
        assertThat(report.decided()).isTrue();
        assertThat(report.failure().orElseThrow().getMessage()).contains("no database to serve");
    }

    @Test
    void longListsAreCut() {
        StartupReport report = new StartupReport(15);
        for (int i = 0; i < 15; i++) {
            report.add(FirstCheck.notServed("d" + i, ErrorKind.SCHEMA_MISSING, "database \"d" + i + "\": no pgq"));
        }
        assertThat(report.failure().orElseThrow().getMessage())
                .contains("database \"d9\"")
                .doesNotContain("database \"d10\"")
                .contains("; and 5 more");
    }
}
