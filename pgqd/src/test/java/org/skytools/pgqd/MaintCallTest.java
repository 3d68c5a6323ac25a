package org.skytools.pgqd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaintCallTest {

    @Test
    void t4_functionsAreCalledWithTheirArgumentAsAParameter() {
        MaintCall step1 = new MaintCall("pgq.maint_rotate_tables_step1", "events");
        assertThat(step1.sql()).isEqualTo("select pgq.maint_rotate_tables_step1(?)");
        assertThat(step1.hasParameter()).isTrue();
        assertThat(step1.isStatement()).isFalse();

        MaintCall step2 = new MaintCall("pgq.maint_rotate_tables_step2", null);
        assertThat(step2.sql()).isEqualTo("select pgq.maint_rotate_tables_step2()");
        assertThat(step2.hasParameter()).isFalse();
    }

    @Test
    void t4_vacuumPseudoFunctionsRunAsStatementsOnTheQuotedTable() {
        MaintCall vacuum = new MaintCall("vacuum", "pgq.tick");
        assertThat(vacuum.isStatement()).isTrue();
        assertThat(vacuum.sql()).isEqualTo("vacuum pgq.tick");
        assertThat(vacuum.hasParameter()).isFalse();
        assertThat(new MaintCall("VACUUM ANALYZE", "Odd.Table Name").sql())
                .isEqualTo("vacuum analyze \"Odd\".\"Table Name\"");
    }

    @Test
    void t4_namesFromTheDatabaseCannotInjectSql() {
        assertThat(new MaintCall("x(); drop table t; select f", "a").sql())
                .isEqualTo("select \"x(); drop table t; select f\"(?)");
        assertThat(new MaintCall("vacuum", "t; drop table t").sql()).isEqualTo("vacuum \"t; drop table t\"");
    }

    @Test
    void t4_anUnqualifiedFunctionIsLeftToTheSearchPath() {
        assertThat(new MaintCall("my_maint", "q").sql()).isEqualTo("select my_maint(?)");
        assertThat(new MaintCall("MyMaint", null).sql()).isEqualTo("select \"MyMaint\"()");
    }

    @Test
    void t4_aVacuumWithoutTableIsRefused() {
        assertThat(new MaintCall("vacuum", null).problem()).isPresent();
        assertThat(new MaintCall("vacuum", " ").problem()).isPresent();
        assertThat(new MaintCall("", "x").problem()).isPresent();
        assertThat(new MaintCall("pgq.maint_rotate_tables_step2", null).problem())
                .isEmpty();
    }

    @Test
    void t4_anOperationRepeatsWhileItReturnsANonZeroNumberAsAtoiWouldRead() {
        assertThat(MaintCall.repeatRequested("1")).isTrue();
        assertThat(MaintCall.repeatRequested("42")).isTrue();
        assertThat(MaintCall.repeatRequested("-1")).isTrue();
        assertThat(MaintCall.repeatRequested(" 7 rows")).isTrue();
        assertThat(MaintCall.repeatRequested("0")).isFalse();
        assertThat(MaintCall.repeatRequested("000")).isFalse();
        assertThat(MaintCall.repeatRequested(null)).isFalse();
        assertThat(MaintCall.repeatRequested("")).isFalse();
        assertThat(MaintCall.repeatRequested("t")).isFalse();
    }

    @Test
    void describeShowsTheCallForLogs() {
        assertThat(new MaintCall("pgq.maint_rotate_tables_step1", "q").describe())
                .isEqualTo("pgq.maint_rotate_tables_step1(q)");
        assertThat(new MaintCall("vacuum", "pgq.tick").describe()).isEqualTo("vacuum pgq.tick");
    }
}
