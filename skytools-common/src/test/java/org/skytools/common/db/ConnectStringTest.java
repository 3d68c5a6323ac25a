package org.skytools.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;

class ConnectStringTest {
    @TempDir
    Path home;

    private ConnectEnvironment env(Map<String, String> vars) {
        return new ConnectEnvironment(vars, home, "osuser");
    }

    private JdbcTarget jdbc(String connstr) {
        return ConnectString.parse(connstr).toJdbc("job1", env(Map.of()));
    }

    @Test
    void parsesKeywordValuePairs() {
        ConnectString cs = ConnectString.parse("dbname=db1 host=h1 port=6432 user=u1 password=secret");
        assertThat(cs.dbname()).contains("db1");
        assertThat(cs.host()).contains("h1");
        assertThat(cs.port()).contains("6432");
        assertThat(cs.user()).contains("u1");
        assertThat(cs.params().keySet()).containsExactly("dbname", "host", "port", "user", "password");
    }

    @Test
    void parsesQuotedValuesEscapesAndSpacesAroundEquals() {
        ConnectString cs = ConnectString.parse(
                "  dbname = 'my db'  password='it\\'s \\\\ x' options='-c search_path=a,b' user=a\\ b host= ");
        assertThat(cs.dbname()).contains("my db");
        assertThat(cs.get("password")).contains("it's \\ x");
        assertThat(cs.get("options")).contains("-c search_path=a,b");
        assertThat(cs.user()).contains("a b");
        assertThat(cs.host()).contains("");
    }

    @Test
    void emptyStringIsValid() {
        assertThat(ConnectString.parse("").params()).isEmpty();
        assertThat(ConnectString.parse("  ").toLibpq()).isEmpty();
    }

    @Test
    void laterKeyWins() {
        assertThat(ConnectString.parse("dbname=a dbname=b").dbname()).contains("b");
    }

    @Test
    void unknownKeyIsConfigErrorNamingTheKeyWithMaskedText() {
        assertThatThrownBy(() -> ConnectString.parse("dbname=x password=hunter2 colour=blue"))
                .isInstanceOf(SkyToolsException.class)
                .hasMessageContaining("unknown key \"colour\"")
                .hasMessageContaining("password=***")
                .hasMessageNotContaining("hunter2")
                .satisfies(e -> assertThat(((SkyToolsException) e).kind()).isEqualTo(ErrorKind.CONFIG));
    }

    @Test
    void badSyntaxIsConfigErrorWithMaskedText() {
        assertThatThrownBy(() -> ConnectString.parse("password='hunter2 dbname"))
                .isInstanceOf(SkyToolsException.class)
                .hasMessageContaining("unterminated quoted value")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> ConnectString.parse("password=hunter2 dbname"))
                .hasMessage("connect string \"password=*** dbname\" is invalid: missing \"=\" after \"dbname\"");
        assertThatThrownBy(() -> ConnectString.parse("postgresql://u:hunter2@h/db?x=%zz"))
                .hasMessageContaining("bad percent-encoding")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void maskHandlesAllForms() {
        assertThat(ConnectString.mask("dbname=x password='a b\\' c' user=u")).isEqualTo("dbname=x password=*** user=u");
        assertThat(ConnectString.mask("password = pw host=h")).isEqualTo("password = *** host=h");
        assertThat(ConnectString.mask("sslpassword=pw")).isEqualTo("sslpassword=***");
        assertThat(ConnectString.mask("postgresql://u:pw@h:5/d?password=x&sslmode=require"))
                .isEqualTo("postgresql://u:***@h:5/d?password=***&sslmode=require");
        assertThat(ConnectString.parse("dbname=x password=pw").toString()).isEqualTo("dbname=x password=***");
    }

    @Test
    void parsesUris() {
        ConnectString cs = ConnectString.parse(
                "postgresql://us%40r:p%3Ass@db.example:5433/my%20db?sslmode=require&connect_timeout=5");
        assertThat(cs.params())
                .containsExactly(
                        Map.entry("user", "us@r"),
                        Map.entry("password", "p:ss"),
                        Map.entry("host", "db.example"),
                        Map.entry("port", "5433"),
                        Map.entry("dbname", "my db"),
                        Map.entry("sslmode", "require"),
                        Map.entry("connect_timeout", "5"));
        assertThat(ConnectString.parse("postgres://").params()).isEmpty();
        assertThat(ConnectString.parse("postgresql:///db").params()).containsExactly(Map.entry("dbname", "db"));
        assertThat(ConnectString.parse("postgresql://h?ssl=true").get("sslmode"))
                .contains("require");
    }

    @Test
    void parsesUriWithSeveralHostsAndIpv6() {
        ConnectString cs = ConnectString.parse("postgresql://host1:5432,host2:5433,[::1]:5434,h4/db");
        assertThat(cs.host()).contains("host1,host2,::1,h4");
        assertThat(cs.port()).contains("5432,5433,5434,");
        JdbcTarget t = cs.toJdbc("job", env(Map.of()));
        assertThat(t.url()).isEqualTo("jdbc:postgresql://host1:5432,host2:5433,[::1]:5434,h4:5432/db");
        assertThat(t.hosts()).containsExactly("host1:5432", "host2:5433", "[::1]:5434", "h4:5432");
    }

    @Test
    void uriWithUnknownParameterIsRejected() {
        assertThatThrownBy(() -> ConnectString.parse("postgresql://h/db?foo=1"))
                .hasMessageContaining("unknown key \"foo\"");
    }

    @Test
    void rendersBackAsLibpqAndReparsesEqual() {
        ConnectString cs = ConnectString.parse("postgresql://u:p%20w'@h1,h2:7/d%5Cb?application_name=");
        String libpq = cs.toLibpq();
        assertThat(libpq).isEqualTo("user=u password='p w\\'' host=h1,h2 port=,7 dbname='d\\\\b' application_name=''");
        assertThat(ConnectString.parse(libpq)).isEqualTo(cs);
        assertThat(cs.masked()).contains("password=***").doesNotContain("p w");
    }

    @Test
    void withExtraAppendsAndLaterKeysWin() {
        ConnectString cs = ConnectString.parse("dbname=a host=h connect_timeout=10");
        ConnectString merged = cs.withExtra("connect_timeout=3 sslmode=require");
        assertThat(merged.toLibpq()).isEqualTo("dbname=a host=h connect_timeout=3 sslmode=require");
        assertThat(cs.withExtra("")).isSameAs(cs);
        assertThat(cs.withExtra(null)).isSameAs(cs);
        assertThatThrownBy(() -> cs.withExtra("bogus=1")).hasMessageContaining("\"bogus\"");
    }

    @Test
    void toJdbcBuildsUrlAndProperties() {
        JdbcTarget t = jdbc("dbname=db1 host=h1 port=6432 user=u1 password=pw sslmode=verify-full options='-c x=1'"
                + " connect_timeout=7 target_session_attrs=read-write");
        assertThat(t.url()).isEqualTo("jdbc:postgresql://h1:6432/db1");
        assertThat(t.properties())
                .containsEntry("user", "u1")
                .containsEntry("password", "pw")
                .containsEntry("sslmode", "verify-full")
                .containsEntry("options", "-c x=1")
                .containsEntry("connectTimeout", "7")
                .containsEntry("targetServerType", "primary")
                .containsEntry("tcpKeepAlive", "true")
                .containsEntry("ApplicationName", "job1")
                // read as text: no decoding and formatting again of every event's ev_time
                .containsEntry("binaryTransferDisable", "DATE,TIME,TIMETZ,TIMESTAMP,TIMESTAMPTZ");
        assertThat(t.toString()).doesNotContain("pw");
        assertThat(t.dbname()).isEqualTo("db1");
        assertThat(t.user()).isEqualTo("u1");
    }

    @Test
    void defaultsFollowLibpqExceptTheSocket() {
        JdbcTarget t = jdbc("");
        assertThat(t.url()).isEqualTo("jdbc:postgresql://localhost:5432/osuser");
        assertThat(t.user()).isEqualTo("osuser");
        assertThat(t.properties()).doesNotContainKey("password");
    }

    @Test
    void explicitApplicationNameWinsOverJobName() {
        assertThat(jdbc("application_name=mine").applicationName()).isEqualTo("mine");
        assertThat(jdbc("fallback_application_name=fb").applicationName()).isEqualTo("job1");
        assertThat(ConnectString.parse("fallback_application_name=fb")
                        .toJdbc(null, env(Map.of()))
                        .applicationName())
                .isEqualTo("fb");
    }

    @Test
    void environmentFillsWhatTheStringLeavesOpen() {
        ConnectEnvironment e = env(Map.of(
                "PGHOST",
                "envhost",
                "PGPORT",
                "7777",
                "PGUSER",
                "envuser",
                "PGDATABASE",
                "envdb",
                "PGPASSWORD",
                "envpw",
                "PGAPPNAME",
                "envapp",
                "PGCONNECT_TIMEOUT",
                "0"));
        JdbcTarget t = ConnectString.parse("dbname=mydb").toJdbc("job", e);
        assertThat(t.url()).isEqualTo("jdbc:postgresql://envhost:7777/mydb");
        assertThat(t.properties())
                .containsEntry("user", "envuser")
                .containsEntry("password", "envpw")
                .containsEntry("ApplicationName", "envapp")
                .containsEntry("connectTimeout", "0");
        JdbcTarget def = ConnectString.parse("").toJdbc("job", env(Map.of("PGUSER", "bob")));
        assertThat(def.dbname()).isEqualTo("bob");
    }

    @Test
    void unixSocketHostIsAClearConfigError() {
        assertThatThrownBy(() -> jdbc("host=/var/run/postgresql dbname=x"))
                .isInstanceOf(SkyToolsException.class)
                .hasMessageContaining("unix-domain socket \"/var/run/postgresql\"")
                .hasMessageContaining("host=127.0.0.1");
        assertThatThrownBy(() -> ConnectString.parse("postgresql://%2Ftmp/db").toJdbc("j", env(Map.of())))
                .hasMessageContaining("\"/tmp\"");
    }

    @Test
    void hostaddrIsUsedToConnect() {
        JdbcTarget t = jdbc("host=db.example hostaddr=10.0.0.1 port=5");
        assertThat(t.url()).isEqualTo("jdbc:postgresql://10.0.0.1:5/osuser");
    }

    @Test
    void badValuesAreConfigErrors() {
        assertThatThrownBy(() -> jdbc("port=abc")).hasMessageContaining("invalid port \"abc\"");
        assertThatThrownBy(() -> jdbc("port=70000")).hasMessageContaining("invalid port \"70000\"");
        assertThatThrownBy(() -> jdbc("host=a,b,c port=1,2")).hasMessageContaining("3 hosts but 2 ports");
        assertThatThrownBy(() -> jdbc("sslmode=maybe")).hasMessageContaining("invalid sslmode \"maybe\"");
        assertThatThrownBy(() -> jdbc("connect_timeout=soon password=x"))
                .hasMessageContaining("invalid connect_timeout")
                .hasMessageContaining("password=***");
        assertThatThrownBy(() -> jdbc("target_session_attrs=whatever")).hasMessageContaining("target_session_attrs");
    }

    @Test
    void mapsLibpqOptionsToPgjdbc() {
        JdbcTarget t = jdbc("keepalives=0 requiressl=1 load_balance_hosts=random krbsrvname=k keepalives_idle=5"
                + " channel_binding=require");
        assertThat(t.properties())
                .containsEntry("tcpKeepAlive", "false")
                .containsEntry("sslmode", "require")
                .containsEntry("loadBalanceHosts", "true")
                .containsEntry("kerberosServerName", "k")
                .containsEntry("channelBinding", "require")
                .doesNotContainKey("keepalives_idle");
        assertThat(jdbc("host=a,b port=1").url()).isEqualTo("jdbc:postgresql://a:1,b:1/osuser");
        assertThat(jdbc("dbname='a b/c'").url()).isEqualTo("jdbc:postgresql://localhost:5432/a+b%2Fc");
    }

    @Test
    void pgpassSuppliesPasswordWithWildcardsAndEscapes() throws IOException {
        Path pgpass = home.resolve(".pgpass");
        Files.writeString(
                pgpass,
                String.join(
                        "\n",
                        "# comment",
                        "otherhost:*:*:*:nope",
                        "h1:6432:db\\:x:u1:pw\\:1\\\\",
                        "*:*:*:u2:wild:card",
                        ""));
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        assertThat(jdbc("host=h1 port=6432 dbname=db:x user=u1").properties()).containsEntry("password", "pw:1\\");
        assertThat(jdbc("host=any dbname=z user=u2").properties()).containsEntry("password", "wild:card");
        assertThat(jdbc("host=h1 port=6432 dbname=other user=u1").properties()).doesNotContainKey("password");
        assertThat(jdbc("host=h1 user=u2 password=given").properties()).containsEntry("password", "given");
        assertThat(jdbc("host=nomatch,h1 port=1,6432 dbname=db:x user=u1").properties())
                .containsEntry("password", "pw:1\\");
    }

    @Test
    void pgpassFromPassfileOrEnvironment() throws IOException {
        Path file = home.resolve("elsewhere");
        Files.writeString(file, "*:*:*:*:frompassfile\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(jdbc("passfile=" + file).properties()).containsEntry("password", "frompassfile");
        JdbcTarget viaEnv = ConnectString.parse("").toJdbc("j", env(Map.of("PGPASSFILE", file.toString())));
        assertThat(viaEnv.properties()).containsEntry("password", "frompassfile");
    }

    @Test
    void pgpassWithOpenPermissionsIsIgnored() throws IOException {
        Path pgpass = home.resolve(".pgpass");
        Files.writeString(pgpass, "*:*:*:*:leaked\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(jdbc("user=u").properties()).containsEntry("password", "");
    }

    @Test
    void serviceFileFillsUnsetKeys() throws IOException {
        Files.writeString(
                home.resolve(".pg_service.conf"),
                String.join(
                        "\n",
                        "[other]",
                        "dbname=wrong",
                        "",
                        "# comment",
                        "[mysvc]",
                        "host = svchost",
                        "port=6543",
                        "dbname=svcdb",
                        "[later]",
                        "dbname=wrong2",
                        ""));
        JdbcTarget t = jdbc("service=mysvc dbname=explicit");
        assertThat(t.url()).isEqualTo("jdbc:postgresql://svchost:6543/explicit");
        JdbcTarget viaEnv = ConnectString.parse("").toJdbc("j", env(Map.of("PGSERVICE", "mysvc")));
        assertThat(viaEnv.dbname()).isEqualTo("svcdb");
    }

    @Test
    void serviceFileFromEnvironmentAndSysconfdir() throws IOException {
        Path sys = Files.createDirectories(home.resolve("etc"));
        Files.writeString(sys.resolve("pg_service.conf"), "[syssvc]\nport=1111\n");
        Path own = home.resolve("own.conf");
        Files.writeString(own, "[ownsvc]\nport=2222\n");
        ConnectEnvironment e = env(Map.of("PGSYSCONFDIR", sys.toString(), "PGSERVICEFILE", own.toString()));
        assertThat(ConnectString.parse("service=syssvc").toJdbc("j", e).hosts()).containsExactly("localhost:1111");
        assertThat(ConnectString.parse("service=ownsvc").toJdbc("j", e).hosts()).containsExactly("localhost:2222");
        assertThatThrownBy(() -> ConnectString.parse("service=nosuch").toJdbc("j", e))
                .isInstanceOf(SkyToolsException.class)
                .hasMessageContaining("service \"nosuch\"");
    }

    @Test
    void serviceFileWithUnknownKeyIsRejected() throws IOException {
        Files.writeString(home.resolve(".pg_service.conf"), "[s]\nfoo=1\n");
        assertThatThrownBy(() -> jdbc("service=s"))
                .hasMessageContaining("line 2")
                .hasMessageContaining("\"foo\"");
    }

    @Test
    void ofAndWithRoundTrip() {
        ConnectString cs = ConnectString.of(Map.of("dbname", "it's"));
        assertThat(cs.dbname()).contains("it's");
        assertThat(cs.with("host", "h").with("dbname", null).params()).containsExactly(Map.entry("host", "h"));
        assertThat(List.of(cs.toLibpq())).containsExactly("dbname='it\\'s'");
    }
}
