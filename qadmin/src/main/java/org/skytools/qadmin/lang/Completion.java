package org.skytools.qadmin.lang;

import java.util.List;

/**
 * What may be typed at a cursor position.
 *
 * @param wordStart where the word being completed starts (the cursor when no word is begun)
 * @param word the part of that word left of the cursor, as typed
 * @param expected what the grammar accepts there; empty inside plain SQL or after an error
 */
public record Completion(int wordStart, String word, List<Expectation> expected) {
    public Completion {
        expected = List.copyOf(expected);
    }
}
