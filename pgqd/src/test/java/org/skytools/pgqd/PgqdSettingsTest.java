package org.skytools.pgqd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skytools.common.config.SkyConfig;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;

class PgqdSettingsTest {
    @TempDir
    Path dir;

    private SkyConfig config(String body) throws IOException {
        Path file = dir.resolve("pgqd.ini");
        Files.writeString(file, "[pgqd]\n" + body);
        SkyConfig config = SkyConfig.load(file, "pgqd", Map.of());
        PgqdKeys.SCHEMA.validate(config);
        return config;
    }

    @Test
    void defaultsAreThoseOfTheCPgqd() throws IOException {
        PgqdSettings s = PgqdSettings.from(config(""));
        assertThat(s.initialDatabase()).isEqualTo("template1");
        assertThat(s.databaseList()).isEmpty();
        assertThat(s.listed()).isFalse();
        assertThat(s.checkPeriod()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.tickerPeriod()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.retryPeriod()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.maintPeriod()).isEqualTo(Duration.ofSeconds(120));
        assertThat(s.statsPeriod()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.connectionLifetime()).isEqualTo(Duration.ofSeconds(3600));
        assertThat(s.syslog()).isEqualTo(new PgqdSettings.SyslogTarget("pgqd", "daemon", false));
        assertThat(s.jobName()).isEqualTo("pgqd");
    }

    @Test
    void databaseListTakesCommasAndSpacesAndPeriodsTakeFractions() throws IOException {
        PgqdSettings s = PgqdSettings.from(config("database_list = db1, db2 db3,,db4\nticker_period = 0.25\n"));
        assertThat(s.databaseList()).containsExactly("db1", "db2", "db3", "db4");
        assertThat(s.listed()).isTrue();
        assertThat(s.tickerPeriod()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void theDatabaseNameIsAddedToBaseConnstrQuotedAndWinsOverOne() throws IOException {
        PgqdSettings s = PgqdSettings.from(config("base_connstr = host=db.example port=6432 dbname=other\n"));
        assertThat(s.connstr("it's mine").toLibpq()).isEqualTo("host=db.example port=6432 dbname='it\\'s mine'");
        assertThat(s.connstr("plain").dbname()).contains("plain");
    }

    @Test
    void zeroOrNegativePeriodsAndBadConnectStringsAreConfigErrors() {
        assertThatThrownBy(() -> config("ticker_period = 0\n"))
                .isInstanceOf(SkyToolsException.class)
                .hasMessageContaining("'ticker_period' must be positive");
        assertThatThrownBy(() -> config("check_period = -1\n")).hasMessageContaining("'check_period' must be positive");
        assertThatThrownBy(() -> config("loop_delay = 0\n")).hasMessageContaining("'loop_delay' must be positive");
        assertThatThrownBy(() -> config("base_connstr = host='unterminated\n"))
                .isInstanceOf(SkyToolsException.class)
                .satisfies(e -> assertThat(((SkyToolsException) e).kind()).isEqualTo(ErrorKind.CONFIG))
                .hasMessageContaining("'base_connstr' is not a valid connect string");
    }

    @Test
    void syslogIsOnByDefaultAsInTheCPgqdAndOffWithZero() throws IOException {
        assertThat(PgqdSettings.from(config("syslog = 1\nsyslog_ident = x\nsyslog_facility = local3\n"))
                        .syslog())
                .isEqualTo(new PgqdSettings.SyslogTarget("x", "local3", true));
        assertThat(PgqdSettings.from(config("syslog = 0\n")).syslog()).isNull();
    }

    @Test
    void reloadRestartsWorkersOnlyWhenConnectingDiffers() throws IOException {
        PgqdSettings a = PgqdSettings.from(config("base_connstr = host=a\nticker_period = 1\n"));
        PgqdSettings b = PgqdSettings.from(config("base_connstr = host=a\nticker_period = 2\n"));
        PgqdSettings c = PgqdSettings.from(config("base_connstr = host=b\n"));
        assertThat(a.connectsDifferently(b)).isFalse();
        assertThat(a.connectsDifferently(c)).isTrue();
    }
}
