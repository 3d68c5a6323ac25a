package org.skytools.sql;

import java.util.Map;
import org.skytools.testkit.TestDatabase;

/**
 * The {@code (ret_code, ret_note)} pair that most pgq_node and londiste functions return first.
 *
 * @param code the return code: 1xx info, 2xx ok, 3xx warning, 4xx and 5xx error
 * @param note the message
 */
record RetCall(int code, String note) {

    /** Runs {@code select * from <call>} and reads the first row's ret_code and ret_note. */
    static RetCall of(TestDatabase db, String call, Object... params) {
        Map<String, Object> row = db.query("select * from " + call, params).get(0);
        return new RetCall((Integer) row.get("ret_code"), (String) row.get("ret_note"));
    }
}
