package org.skytools.qadmin.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandTagTest {

    @Test
    void rowCountsForDml() {
        assertThat(CommandTag.of("insert into t values (1), (2)", 2)).isEqualTo("INSERT 0 2");
        assertThat(CommandTag.of("  UPDATE t set x = 1", 5)).isEqualTo("UPDATE 5");
        assertThat(CommandTag.of("delete from t", 0)).isEqualTo("DELETE 0");
    }

    @Test
    void objectKindForDdl() {
        assertThat(CommandTag.of("create table t(id int)", 0)).isEqualTo("CREATE TABLE");
        assertThat(CommandTag.of("create unique index i on t(id)", 0)).isEqualTo("CREATE INDEX");
        assertThat(CommandTag.of("create or replace function f() returns int", 0))
                .isEqualTo("CREATE FUNCTION");
        assertThat(CommandTag.of("drop sequence s", 0)).isEqualTo("DROP SEQUENCE");
    }

    @Test
    void verbAloneOtherwise() {
        assertThat(CommandTag.of("set search_path = x", 0)).isEqualTo("SET");
        assertThat(CommandTag.of("vacuum", 0)).isEqualTo("VACUUM");
    }
}
