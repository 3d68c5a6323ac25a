package org.skytools.pgq.cascade;

/**
 * The {@code (ret_code, ret_note)} pair every pgq_node function returns first: codes below 300
 * are success (100 no change, 200 ok, 201 already so), 300 and above are refusals.
 */
public record RetCode(int code, String note) {
    /** Whether the call succeeded. */
    public boolean ok() {
        return code < 300;
    }
}
