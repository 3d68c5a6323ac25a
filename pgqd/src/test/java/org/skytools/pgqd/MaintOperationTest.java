package org.skytools.pgqd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaintOperationTest {

    @Test
    void t4_functionsAreCalledWithTheirArgumentAsAParameter() {
        MaintOperation step1 = new MaintOperation("pgq.maint_rotate_tables_step1", "events");
        assertThat(step1.sql()).isEqualTo("select pgq.maint_rotate_tables_step1(?)");
        assertThat(step1.hasParameter()).isTrue();
        assertThat(step1.isStatement()).isFalse();

        MaintOperation step2 = new MaintOperation("pgq.maint_rotate_tables_step2", null);
        assertThat(step2.sql()).isEqualTo("select pgq.maint_rotate_tables_step2()");
        assertThat(step2.hasParameter()).isFalse();
    }

    @Test
    void t4_vacuumPseudoFunctionsRunAsStatementsOnTheQuotedTable() {
        MaintOperation vacuum = new MaintOperation("vacuum", "pgq.tick");
        assertThat(vacuum.isStatement()).isTrue();
        assertThat(vacuum.sql()).isEqualTo("vacuum pgq.tick");
        assertThat(vacuum.hasParameter()).isFalse();
        assertThat(new MaintOperation("VACUUM ANALYZE", "Odd.Table Name").sql())
                .isEqualTo("vacuum analyze \"Odd\".\"Table Name\"");
    }

    @Test
    void t4_namesFromTheDatabaseCannotInjectSql() {
        assertThat(new MaintOperation("x(); drop table t; select f", "a").sql())
                .isEqualTo("select \"x(); drop table t; select f\"(?)");
        assertThat(new MaintOperation("vacuum", "t; drop table t").sql()).isEqualTo("vacuum \"t; drop table t\"");
    }

    @Test
    void t4_anUnqualifiedFunctionIsLeftToTheSearchPath() {
        assertThat(new MaintOperation("my_maint", "q").sql()).isEqualTo("select my_maint(?)");
        assertThat(new MaintOperation("MyMaint", null).sql()).isEqualTo("select \"MyMaint\"()");
    }

    @Test
    void t4_aVacuumWithoutTableIsRefused() {
        assertThat(new MaintOperation("vacuum", null).problem()).isPresent();
        assertThat(new MaintOperation("vacuum", " ").problem()).isPresent();
        assertThat(new MaintOperation("", "x").problem()).isPresent();
        assertThat(new MaintOperation("pgq.maint_rotate_tables_step2", null).problem())
                .isEmpty();
    }

    @Test
    void t4_anOperationRepeatsWhileItReturnsANonZeroNumberAsAtoiWouldRead() {
        assertThat(MaintOperation.repeatRequested("1")).isTrue();
        assertThat(MaintOperation.repeatRequested("42")).isTrue();
        assertThat(MaintOperation.repeatRequested("-1")).isTrue();
        assertThat(MaintOperation.repeatRequested(" 7 rows")).isTrue();
        assertThat(MaintOperation.repeatRequested("0")).isFalse();
        assertThat(MaintOperation.repeatRequested("000")).isFalse();
        assertThat(MaintOperation.repeatRequested(null)).isFalse();
        assertThat(MaintOperation.repeatRequested("")).isFalse();
        assertThat(MaintOperation.repeatRequested("t")).isFalse();
    }

    @Test
    void describeShowsTheCallForLogs() {
        assertThat(new MaintOperation("pgq.maint_rotate_tables_step1", "q").describe())
                .isEqualTo("pgq.maint_rotate_tables_step1(q)");
        assertThat(new MaintOperation("vacuum", "pgq.tick").describe()).isEqualTo("vacuum pgq.tick");
    }
}
