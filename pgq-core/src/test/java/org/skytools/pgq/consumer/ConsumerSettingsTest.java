package org.skytools.pgq.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;

class ConsumerSettingsTest {
    private static ConsumerSettings read(Map<String, String> cf) {
        return ConsumerSettings.fromConfig(k -> Optional.ofNullable(cf.get(k)), "myjob");
    }

    @Test
    void defaultsFollowSkyTools() {
        ConsumerSettings s = read(Map.of("queue_name", "q1"));
        assertThat(s.queueName()).isEqualTo("q1");
        assertThat(s.consumerName()).isEqualTo("myjob");
        assertThat(s.lazyFetch()).isEqualTo(300);
        assertThat(s.autocommit()).isFalse();
        assertThat(s.batchCollectEvents()).isNull();
        assertThat(s.batchCollectInterval()).isNull();
        assertThat(s.keepLag()).isNull();
        assertThat(s.eventFilter()).isNull();
        assertThat(s.keepaliveStats()).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void compatKeysWinOverProperOnes() {
        ConsumerSettings s = read(Map.of(
                "queue_name", "q1", "pgq_queue_name", "old_q", "consumer_name", "c1", "pgq_consumer_id", "old_c"));
        assertThat(s.queueName()).isEqualTo("old_q");
        assertThat(s.consumerName()).isEqualTo("old_c");
    }

    @Test
    void emptyCompatKeysFallBackToProperOnes() {
        ConsumerSettings s =
                read(Map.of("queue_name", "q1", "pgq_queue_name", "", "consumer_name", "c1", "pgq_consumer_id", " "));
        assertThat(s.queueName()).isEqualTo("q1");
        assertThat(s.consumerName()).isEqualTo("c1");
    }

    @Test
    void batchTuningKeysMapToNextBatchCustomArguments() {
        Map<String, String> cf = new HashMap<>();
        cf.put("queue_name", "q1");
        cf.put("pgq_batch_collect_events", "100");
        cf.put("pgq_batch_collect_interval", "5 seconds");
        cf.put("pgq_keep_lag", "1 minute");
        cf.put("pgq_lazy_fetch", "50");
        cf.put("keepalive_stats", "10");
        ConsumerSettings s = read(cf);
        assertThat(s.batchCollectEvents()).isEqualTo(100);
        assertThat(s.batchCollectInterval()).isEqualTo("5 seconds");
        assertThat(s.keepLag()).isEqualTo("1 minute");
        assertThat(s.lazyFetch()).isEqualTo(50);
        assertThat(s.keepaliveStats()).isEqualTo(Duration.ofSeconds(10));
        assertThat(read(Map.of("queue_name", "q", "pgq_batch_collect_events", "0"))
                        .batchCollectEvents())
                .isNull();
    }

    @Test
    void tableFilterBuildsQuotedExtra1List() {
        ConsumerSettings s = read(Map.of("queue_name", "q1", "table_filter", "t1, other.t2 ,o'k"));
        assertThat(s.eventFilter()).isEqualTo("ev_extra1 in ('public.t1', 'other.t2', 'public.o''k')");
        assertThat(ConsumerSettings.tableFilter(List.of())).isNull();
    }

    @Test
    void autocommitNeedsLazyFetchOff() {
        assertThatThrownBy(() -> read(Map.of("queue_name", "q1", "pgq_autocommit", "1")))
                .isInstanceOf(SkyToolsException.class)
                .hasMessageContaining("pgq_lazy_fetch = 0")
                .satisfies(e -> assertThat(((SkyToolsException) e).kind()).isEqualTo(ErrorKind.CONFIG));
        assertThat(read(Map.of("queue_name", "q1", "pgq_autocommit", "1", "pgq_lazy_fetch", "0"))
                        .autocommit())
                .isTrue();
    }

    @Test
    void missingQueueAndBadNumbersAreConfigErrors() {
        assertThatThrownBy(() -> read(Map.of())).hasMessage("Config value not set: queue_name");
        assertThatThrownBy(() -> read(Map.of("queue_name", "q", "pgq_lazy_fetch", "lots")))
                .hasMessageContaining("\"pgq_lazy_fetch\"");
    }
}
