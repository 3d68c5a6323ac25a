package org.skytools.pgq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTest {
    private static Event event(String data, RetryTagger tagger) {
        return new Event(7, "2024-05-01 12:30:00+00", 1234, null, "I:id", data, "public.t", null, null, null, tagger);
    }

    @Test
    void rowDecodesUrlencodedDataOnceAndIsUnmodifiable() {
        Event ev = event("id=1&name=a+b&gone", RetryTagger.NONE);
        assertThat(ev.row())
                .containsEntry("id", "1")
                .containsEntry("name", "a b")
                .containsEntry("gone", null);
        assertThat(ev.row()).isSameAs(ev.row());
        assertThatThrownBy(() -> ev.row().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void timeIsParsedFromServerText() {
        Event ev = event("", RetryTagger.NONE);
        assertThat(ev.time().toEpochSecond()).isEqualTo(1714566600L);
        assertThat(ev.timeText()).isEqualTo("2024-05-01 12:30:00+00");
    }

    @Test
    void taggingGoesToTheTagger() {
        List<String> calls = new ArrayList<>();
        RetryTagger tagger = new RetryTagger() {
            @Override
            public void tagRetry(Event event, int retrySeconds) {
                calls.add("retry " + event.id() + " " + retrySeconds);
            }

            @Override
            public void tagDone(Event event) {
                calls.add("done " + event.id());
            }
        };
        Event ev = event(null, tagger);
        ev.tagRetry(30);
        ev.tagDone();
        assertThat(calls).containsExactly("retry 7 30", "done 7");
        assertThat(ev.row()).isEmpty();
    }

    @Test
    void eventOutsideConsumerRefusesRetry() {
        assertThatThrownBy(() -> event("", RetryTagger.NONE).tagRetry(10))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PgqClient.eventRetry");
    }
}
