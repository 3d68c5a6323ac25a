package org.skytools.walmgr.wal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.skytools.walmgr.wal.BackupRotation.Rename;

class BackupRotationTest {
    private static final String BASE = "data.master";

    @Test
    void w4_keepThreeExpiresTheOldestAndShiftsTheRest() {
        BackupRotation.Plan plan =
                BackupRotation.plan(BASE, List.of("data.master.1", "data.master", "data.master.0"), 3);
        assertThat(plan.expire()).containsExactly("data.master.1");
        assertThat(plan.renames())
                .containsExactly(
                        new Rename("data.master.0", "data.master.1"), new Rename("data.master", "data.master.0"));
    }

    @Test
    void w4_keepOneExpiresTheOnlySetBeforeTheNewBackup() {
        BackupRotation.Plan plan = BackupRotation.plan(BASE, List.of("data.master"), 1);
        assertThat(plan.expire()).containsExactly("data.master");
        assertThat(plan.renames()).isEmpty();
    }

    @Test
    void w4_fewerSetsThanKeptOnlyShift() {
        BackupRotation.Plan plan = BackupRotation.plan(BASE, List.of("data.master"), 3);
        assertThat(plan.expire()).isEmpty();
        assertThat(plan.renames()).containsExactly(new Rename("data.master", "data.master.0"));
    }

    @Test
    void w4_tooManySetsAfterLoweringKeepBackupsExpireSeveral() {
        BackupRotation.Plan plan = BackupRotation.plan(
                BASE, List.of("data.master", "data.master.0", "data.master.1", "data.master.2", "data.master.10"), 2);
        assertThat(plan.expire()).containsExactly("data.master.10", "data.master.2", "data.master.1", "data.master.0");
        assertThat(plan.renames()).containsExactly(new Rename("data.master", "data.master.0"));
    }

    @Test
    void keepZeroRotatesNothing() {
        assertThat(BackupRotation.plan(BASE, List.of("data.master", "data.master.0"), 0)
                        .isEmpty())
                .isTrue();
    }

    @Test
    void ordersNumericallyAndIgnoresOtherNames() {
        assertThat(BackupRotation.order(
                        BASE,
                        List.of("data.master.10", "data.master.2", "data.masterX", "data.master.old", "data.master")))
                .containsExactly("data.master", "data.master.2", "data.master.10");
        assertThat(BackupRotation.index(BASE, "data.master.7")).hasValue(7);
        assertThat(BackupRotation.index(BASE, "data.master")).isEmpty();
        assertThat(BackupRotation.index(BASE, "data.master.")).isEmpty();
    }
}
