package org.skytools.walmgr.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConnInfoTest {

    @Test
    void parsesKeyValuesWithQuotesAndEscapes() {
        ConnInfo ci = ConnInfo.parse("host=db1 port = 5433 dbname='my db' user=rep password='a\\'b c'");
        assertThat(ci.host()).isEqualTo("db1");
        assertThat(ci.port()).isEqualTo("5433");
        assertThat(ci.dbname()).isEqualTo("my db");
        assertThat(ci.user()).isEqualTo("rep");
        assertThat(ci.jdbcUrl()).isEqualTo("jdbc:postgresql://db1:5433/my%20db");
        assertThat(ci.jdbcProperties("walmgr", 10).getProperty("password")).isEqualTo("a'b c");
    }

    @Test
    void passwordsAreMaskedAndNeverInTheUrl() {
        ConnInfo ci = ConnInfo.parse("host=h password=secret dbname=x");
        assertThat(ci.masked()).isEqualTo("host=h password=*** dbname=x").doesNotContain("secret");
        assertThat(ci.jdbcUrl()).doesNotContain("secret");
    }

    @Test
    void socketDirectoriesBecomeLocalhostAndUrisAreRead() {
        assertThat(ConnInfo.parse("host=/var/run/postgresql dbname=template1").jdbcUrl())
                .startsWith("jdbc:postgresql://localhost:");
        ConnInfo uri = ConnInfo.parse("postgresql://rep:pw@db2:6543/app?sslmode=require");
        assertThat(uri.host()).isEqualTo("db2");
        assertThat(uri.port()).isEqualTo("6543");
        assertThat(uri.user()).isEqualTo("rep");
        assertThat(uri.jdbcProperties("x", 5).getProperty("sslmode")).isEqualTo("require");
    }

    @Test
    void badStringsAreRejected() {
        assertThatThrownBy(() -> ConnInfo.parse("host")).hasMessageContaining("missing \"=\"");
        assertThatThrownBy(() -> ConnInfo.parse("host='x")).hasMessageContaining("unterminated");
    }
}
