package org.skytools.qadmin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StartupTargetTest {

    @Test
    void switchesBecomeConnectStringKeys() {
        assertThat(StartupTarget.connectString("db1", "6432", "bob", "events", null)
                        .params())
                .isEqualTo(Map.of("host", "db1", "port", "6432", "user", "bob", "dbname", "events"));
    }

    @Test
    void positionalWordIsADatabaseName() {
        assertThat(StartupTarget.connectString(null, null, null, null, "mydb").params())
                .containsExactlyEntriesOf(Map.of("dbname", "mydb"));
    }

    @Test
    void positionalConnectStringWinsOverSwitches() {
        assertThat(StartupTarget.connectString("h1", null, null, "a", "dbname=b port=5433")
                        .params())
                .containsEntry("host", "h1")
                .containsEntry("dbname", "b")
                .containsEntry("port", "5433");
        assertThat(StartupTarget.connectString(null, null, null, null, "postgresql://u@h2:5434/c")
                        .dbname())
                .contains("c");
    }

    @Test
    void nothingGivenLeavesEverythingToLibpqDefaults() {
        assertThat(StartupTarget.connectString(null, null, null, null, null).params())
                .isEmpty();
    }
}
