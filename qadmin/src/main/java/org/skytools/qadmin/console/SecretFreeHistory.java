package org.skytools.qadmin.console;

import java.time.Instant;
import java.util.regex.Pattern;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * JLine's history, minus lines that carry a password ({@code connect password=...}), so that
 * {@code ~/.qadmin_history} never stores one.
 */
final class SecretFreeHistory extends DefaultHistory {
    private static final Pattern PASSWORD = Pattern.compile("(?i)\\bpassword\\s*=");

    static boolean hasSecret(String line) {
        return PASSWORD.matcher(line).find();
    }

    @Override
    public void add(Instant time, String line) {
        if (!hasSecret(line)) {
            super.add(time, line);
        }
    }
}
