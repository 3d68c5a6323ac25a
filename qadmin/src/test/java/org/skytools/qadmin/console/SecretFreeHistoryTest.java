package org.skytools.qadmin.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SecretFreeHistoryTest {

    @Test
    void linesWithAPasswordAreNotKept() {
        SecretFreeHistory history = new SecretFreeHistory();
        history.add(Instant.now(), "show queue;");
        history.add(Instant.now(), "connect user=bob Password = s3cret;");
        history.add(Instant.now(), "select 'password' as word;");
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0)).isEqualTo("show queue;");
        assertThat(history.get(1)).isEqualTo("select 'password' as word;");
    }
}
