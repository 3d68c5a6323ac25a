package org.skytools.pgq.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skytools.common.config.SkyConfig;

class CascadeSettingsTest {
    @TempDir
    Path dir;

    private CascadeSettings read(String body) throws IOException {
        Path ini = dir.resolve("replica1.ini");
        Files.writeString(ini, "[londiste3]\n" + body);
        return CascadeSettings.fromConfig(SkyConfig.load(ini, "londiste3", Map.of()));
    }

    @Test
    void workerIsTheJobAndWatermarkPeriodsDefaultToFiveMinutes() throws IOException {
        CascadeSettings s = read("queue_name = replika\n");
        assertThat(s.queueName()).isEqualTo("replika");
        assertThat(s.workerName()).isEqualTo("replica1");
        assertThat(s.lazyFetch()).isEqualTo(300);
        assertThat(s.globalWmPublishPeriod()).isEqualTo(Duration.ofSeconds(300));
        assertThat(s.localWmPublishPeriod()).isEqualTo(Duration.ofSeconds(300));
        assertThat(s.keepLag()).isNull();
    }

    @Test
    void keysOverrideTheDefaults() throws IOException {
        CascadeSettings s = read("queue_name = q\njob_name = w9\npgq_lazy_fetch = 0\nglobal_wm_publish_period = 10\n"
                + "local_wm_publish_period = 2.5\npgq_keep_lag = 1 minute\n");
        assertThat(s.workerName()).isEqualTo("w9");
        assertThat(s.lazyFetch()).isZero();
        assertThat(s.globalWmPublishPeriod()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.localWmPublishPeriod()).isEqualTo(Duration.ofMillis(2500));
        assertThat(s.keepLag()).isEqualTo("1 minute");
    }
}
