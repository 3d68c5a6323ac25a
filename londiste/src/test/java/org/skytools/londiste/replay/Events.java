package org.skytools.londiste.replay;

import org.skytools.pgq.Event;
import org.skytools.pgq.RetryTagger;

/** Events built in memory for unit tests. */
final class Events {
    private Events() {}

    static Event of(long id, String type, String data, String extra1) {
        return of(id, type, data, extra1, null);
    }

    static Event of(long id, String type, String data, String extra1, String extra2) {
        return new Event(id, null, 1000 + id, null, type, data, extra1, extra2, null, null, RetryTagger.NONE);
    }
}
