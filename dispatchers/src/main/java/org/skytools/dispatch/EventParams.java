package org.skytools.dispatch;

import java.util.LinkedHashMap;
import java.util.Map;
import org.skytools.pgq.Event;

/**
 * The query parameters simple_consumer offers for one event: the columns of the urlencoded row,
 * plus {@code pgq.tick_id}, {@code pgq.ev_id}, {@code pgq.ev_time}, {@code pgq.ev_type},
 * {@code pgq.ev_data} and {@code pgq.ev_extra1} to {@code pgq.ev_extra4}.
 */
final class EventParams {
    private EventParams() {}

    /** Whether the event carries a urlencoded row ({@code I:}, {@code U:} or {@code D:} types). */
    static boolean isRowEvent(Event ev) {
        String t = ev.type();
        return t != null && (t.startsWith("I:") || t.startsWith("U:") || t.startsWith("D:"));
    }

    static Map<String, String> of(Event ev, long tickId) {
        Map<String, String> p = new LinkedHashMap<>(ev.row());
        p.put("pgq.tick_id", Long.toString(tickId));
        p.put("pgq.ev_id", Long.toString(ev.id()));
        p.put("pgq.ev_time", ev.timeText());
        p.put("pgq.ev_type", ev.type());
        p.put("pgq.ev_data", ev.data());
        p.put("pgq.ev_extra1", ev.extra1());
        p.put("pgq.ev_extra2", ev.extra2());
        p.put("pgq.ev_extra3", ev.extra3());
        p.put("pgq.ev_extra4", ev.extra4());
        return p;
    }
}
