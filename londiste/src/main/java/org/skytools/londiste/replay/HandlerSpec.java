package org.skytools.londiste.replay;

import java.util.LinkedHashMap;
import java.util.Map;
import org.skytools.common.db.Quoting;
import org.skytools.common.error.SkyToolsException;

/**
 * A table's handler as stored in {@code table_attrs}: {@code name(urlencoded args)}, for example
 * {@code bulk(method=1)}. An empty name means the default handler {@code londiste}.
 */
public record HandlerSpec(String name, Map<String, String> args) {
    /** The default handler without arguments. */
    public static final HandlerSpec DEFAULT = new HandlerSpec("londiste", Map.of());

    public HandlerSpec {
        name = name == null || name.isEmpty() ? "londiste" : name;
        args = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    /**
     * Parses a handler string as SkyTools' {@code _parse_handler}: the name is what comes before
     * the first {@code (}, the arguments are urlencoded between the parentheses (commas count as
     * {@code &}). Null or empty gives {@link #DEFAULT}.
     */
    public static HandlerSpec parse(String text) {
        if (text == null || text.isEmpty()) {
            return DEFAULT;
        }
        int pos = text.indexOf('(');
        if (pos <= 0) {
            return new HandlerSpec(text, Map.of());
        }
        if (!text.endsWith(")")) {
            throw SkyToolsException.config("invalid handler format \"" + text + "\"; expected name(args)");
        }
        String argText = text.substring(pos + 1, text.length() - 1).replace(',', '&');
        return new HandlerSpec(text.substring(0, pos), Quoting.urlDecode(argText));
    }

    /** The handler string for {@code table_attrs}, as SkyTools' {@code create_handler_string}. */
    public String format() {
        return args.isEmpty() ? name : name + "(" + Quoting.urlEncode(args) + ")";
    }
}
