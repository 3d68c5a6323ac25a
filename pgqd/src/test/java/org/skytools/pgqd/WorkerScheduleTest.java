package org.skytools.pgqd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerScheduleTest {
    private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

    @Test
    void connectionFailuresBackOffFromOneSecondDoublingUpToOneMinute() {
        WorkerSchedule schedule = new WorkerSchedule();
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            delays.add(schedule.connectionFailed().toSeconds());
        }
        assertThat(delays).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
        assertThat(schedule.connectFailures()).isEqualTo(9);
    }

    @Test
    void backoffOfNoFailureIsZeroAndNeverOverflows() {
        assertThat(WorkerSchedule.backoff(0)).isZero();
        assertThat(WorkerSchedule.backoff(Integer.MAX_VALUE)).isEqualTo(WorkerSchedule.BACKOFF_CAP);
    }

    @Test
    void t2_aTickEndsTheBackoffAndWaitsTheTickerPeriod() {
        WorkerSchedule schedule = new WorkerSchedule();
        schedule.connectionFailed();
        schedule.connectionFailed();
        assertThat(schedule.ticked(Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(500));
        assertThat(schedule.connectFailures()).isZero();
        assertThat(schedule.connectionFailed()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void t2_aFailedTickWaitsTenSecondsAsTheCPgqd() {
        WorkerSchedule schedule = new WorkerSchedule();
        schedule.connected(T0);
        assertThat(schedule.tickFailed()).isEqualTo(Duration.ofSeconds(10));
        assertThat(schedule.connectionExpired(T0.plusSeconds(100_000), Duration.ofSeconds(1)))
                .as("no connection after a failed tick")
                .isFalse();
    }

    @Test
    void t2_withoutPgqTheDatabaseIsLookedAtAgainAfterCheckPeriod() {
        WorkerSchedule schedule = new WorkerSchedule();
        schedule.connectionFailed();
        schedule.pgqFound(T0);
        assertThat(schedule.noPgq(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(60));
        assertThat(schedule.retryDue(T0.plusSeconds(3600)))
                .as("no retry drain without pgq")
                .isFalse();
        assertThat(schedule.connectFailures()).isZero();
    }

    @Test
    void t2_theConnectionIsRecycledOnceItHasLivedConnectionLifetime() {
        WorkerSchedule schedule = new WorkerSchedule();
        Duration lifetime = Duration.ofSeconds(3600);
        assertThat(schedule.connectionExpired(T0, lifetime)).isFalse();
        schedule.connected(T0);
        assertThat(schedule.connectionExpired(T0.plusSeconds(3599), lifetime)).isFalse();
        assertThat(schedule.connectionExpired(T0.plusSeconds(3600), lifetime)).isTrue();
        schedule.disconnected();
        assertThat(schedule.connectionExpired(T0.plusSeconds(7200), lifetime)).isFalse();
    }

    @Test
    void t3_retriesAreDueWhenPgqIsFoundThenEveryRetryPeriodOnceDrained() {
        WorkerSchedule schedule = new WorkerSchedule();
        assertThat(schedule.retryDue(T0)).isFalse();
        schedule.pgqFound(T0);
        assertThat(schedule.retryDue(T0)).isTrue();

        schedule.retryDrained(T0, true, Duration.ofSeconds(30));
        assertThat(schedule.retryDue(T0.plusSeconds(29))).isFalse();
        assertThat(schedule.retryDue(T0.plusSeconds(30))).isTrue();
    }

    @Test
    void t3_aDrainCutShortByItsBudgetGoesOnAfterTheNextTick() {
        WorkerSchedule schedule = new WorkerSchedule();
        schedule.pgqFound(T0);
        schedule.retryDrained(T0.plusSeconds(1), false, Duration.ofSeconds(30));
        assertThat(schedule.retryDue(T0.plusSeconds(1))).isTrue();
    }

    @Test
    void t3_aFailedDrainIsTriedAgainInTwentySeconds() {
        WorkerSchedule schedule = new WorkerSchedule();
        schedule.pgqFound(T0);
        schedule.retryFailed(T0);
        assertThat(schedule.retryDue(T0.plusSeconds(19))).isFalse();
        assertThat(schedule.retryDue(T0.plusSeconds(20))).isTrue();
    }

    @Test
    void retryBudgetIsTheTickerPeriodWithinATenthOfASecondAndOneSecond() {
        assertThat(WorkerSchedule.retryBudget(Duration.ofMillis(10))).isEqualTo(Duration.ofMillis(100));
        assertThat(WorkerSchedule.retryBudget(Duration.ofMillis(300))).isEqualTo(Duration.ofMillis(300));
        assertThat(WorkerSchedule.retryBudget(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(1));
    }
}
