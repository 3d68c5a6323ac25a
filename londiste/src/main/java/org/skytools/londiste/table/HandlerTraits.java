package org.skytools.londiste.table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.skytools.common.db.Quoting;
import org.skytools.common.error.SkyToolsException;

/**
 * What add-table needs to know about a handler before any handler code runs: its stored string
 * ({@code name(urlencoded args)}), whether it needs a real table, and the trigger arguments its
 * {@code add()} hook appends in SkyTools 3 (cli.md §2.8).
 */
public final class HandlerTraits {
    private static final Set<String> VIRTUAL = Set.of("vtable", "fake_local", "qsplitter");

    private HandlerTraits() {}

    /** The handler string stored in {@code table_attrs}: the name, plus {@code (args)} when there are args. */
    public static String handlerString(String name, List<String> args) {
        if (name.indexOf('(') >= 0) {
            throw SkyToolsException.usage("invalid handler name \"" + name + "\"");
        }
        if (args.isEmpty()) {
            return name;
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String key = (eq < 0 ? arg : arg.substring(0, eq)).strip();
            String value = eq < 0 ? "" : arg.substring(eq + 1).strip();
            if (map.put(key, value) != null) {
                throw SkyToolsException.usage("handler argument \"" + key + "\" given more than once");
            }
        }
        return name + "(" + Quoting.urlEncode(map) + ")";
    }

    /** Whether tables with this handler must exist locally (vtable-like handlers and qtable do not). */
    public static boolean needsTable(String handler) {
        return handler == null || !(VIRTUAL.contains(handler) || handler.equals("qtable"));
    }

    /** Appends the trigger arguments the handler's add hook adds. */
    public static void addTriggerArgs(String handler, List<String> tgargs) {
        if (handler == null) {
            return;
        }
        if (VIRTUAL.contains(handler)) {
            tgargs.add("virtual_table");
        } else if (handler.equals("qtable")) {
            tgargs.add("tgflags=BI");
            tgargs.add("SKIP");
            tgargs.add("expect_sync");
        } else if (handler.equals("multimaster")) {
            tgargs.add("no_merge");
        }
    }
}
