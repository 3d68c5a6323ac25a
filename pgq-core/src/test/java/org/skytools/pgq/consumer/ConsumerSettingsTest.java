package org.skytools.pgq.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skytools.common.config.SkyConfig;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.pgq.coop.CoopSettings;

class ConsumerSettingsTest {
    @TempDir
    Path dir;

    private ConsumerSettings read(String body) throws IOException {
        return ConsumerSettings.fromConfig(config(body));
    }

    private SkyConfig config(String body) throws IOException {
        Path ini = dir.resolve("myjob.ini");
        Files.writeString(ini, "[test_consumer]\n" + body);
        return SkyConfig.load(ini, "test_consumer", Map.of());
    }

    @Test
    void defaultsFollowSkyTools() throws IOException {
        ConsumerSettings s = read("queue_name = q1\n");
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
    void compatKeysWinOverProperOnes() throws IOException {
        ConsumerSettings s =
                read("queue_name = q1\npgq_queue_name = old_q\nconsumer_name = c1\npgq_consumer_id = old_c\n");
        assertThat(s.queueName()).isEqualTo("old_q");
        assertThat(s.consumerName()).isEqualTo("old_c");
    }

    @Test
    void emptyCompatKeysFallBackToProperOnes() throws IOException {
        ConsumerSettings s = read("queue_name = q1\npgq_queue_name =\nconsumer_name = c1\npgq_consumer_id =\n");
        assertThat(s.queueName()).isEqualTo("q1");
        assertThat(s.consumerName()).isEqualTo("c1");
    }

    @Test
    void consumerNameInterpolatesJobName() throws IOException {
        assertThat(read("queue_name = q1\nconsumer_name = %(job_name)s_x\n").consumerName())
                .isEqualTo("myjob_x");
    }

    @Test
    void batchTuningKeysMapToNextBatchCustomArguments() throws IOException {
        ConsumerSettings s = read("queue_name = q1\npgq_batch_collect_events = 100\n"
                + "pgq_batch_collect_interval = 5 seconds\npgq_keep_lag = 1 minute\npgq_lazy_fetch = 50\n"
                + "keepalive_stats = 10\n");
        assertThat(s.batchCollectEvents()).isEqualTo(100);
        assertThat(s.batchCollectInterval()).isEqualTo("5 seconds");
        assertThat(s.keepLag()).isEqualTo("1 minute");
        assertThat(s.lazyFetch()).isEqualTo(50);
        assertThat(s.keepaliveStats()).isEqualTo(Duration.ofSeconds(10));
        assertThat(read("queue_name = q\npgq_batch_collect_events = 0\n").batchCollectEvents())
                .isNull();
    }

    @Test
    void tableFilterBuildsQuotedExtra1List() throws IOException {
        ConsumerSettings s = read("queue_name = q1\ntable_filter = t1, other.t2 ,o'k\n");
        assertThat(s.eventFilter()).isEqualTo("ev_extra1 in ('public.t1', 'other.t2', 'public.o''k')");
        assertThat(ConsumerSettings.tableFilter(List.of())).isNull();
    }

    @Test
    void autocommitNeedsLazyFetchOff() throws IOException {
        assertThatThrownBy(() -> read("queue_name = q1\npgq_autocommit = 1\n"))
                .isInstanceOf(SkyToolsException.class)
                .hasMessageContaining("pgq_lazy_fetch = 0")
                .satisfies(e -> assertThat(((SkyToolsException) e).kind()).isEqualTo(ErrorKind.CONFIG));
        assertThat(read("queue_name = q1\npgq_autocommit = 1\npgq_lazy_fetch = 0\n")
                        .autocommit())
                .isTrue();
    }

    @Test
    void missingQueueAndBadNumbersAreConfigErrorsNamingTheKey() {
        assertThatThrownBy(() -> read("consumer_name = x\n")).hasMessageContaining("'queue_name'");
        assertThatThrownBy(() -> read("queue_name = q\npgq_lazy_fetch = lots\n"))
                .hasMessageContaining("pgq_lazy_fetch");
        assertThatThrownBy(() -> read("queue_name = q\npgq_lazy_fetch = -1\n")).hasMessageContaining("pgq_lazy_fetch");
    }

    @Test
    void coopKeys() throws IOException {
        CoopSettings c = CoopSettings.fromConfig(config("subconsumer_name = s1\nsubconsumer_timeout = 1 hour\n"));
        assertThat(c).isEqualTo(new CoopSettings("s1", "1 hour"));
        assertThat(CoopSettings.fromConfig(config("subconsumer_name = s1\n")).subconsumerTimeout())
                .isNull();
        assertThatThrownBy(() -> CoopSettings.fromConfig(config("queue_name = q\n")))
                .hasMessageContaining("subconsumer_name");
    }
}
