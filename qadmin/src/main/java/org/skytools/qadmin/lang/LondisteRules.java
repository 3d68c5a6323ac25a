package org.skytools.qadmin.lang;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Grammar of the {@code londiste} commands, which work on the default queue. */
final class LondisteRules {
    /** {@code with} flags of {@code add table}, passed to londiste.local_add_table as they are. */
    private static final List<String> FLAGS = List.of("skip_truncate", "expect_sync", "backup", "skip", "no_triggers");

    /** {@code with} settings of {@code add table} and the trigger argument each becomes. */
    private static final Map<String, String> SETTINGS = orderedSettings();

    private LondisteRules() {}

    private static Map<String, String> orderedSettings() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("ev_ignore", "ignore");
        for (String key : List.of(
                "ev_type", "ev_data", "ev_extra1", "ev_extra2", "ev_extra3", "ev_extra4", "pkey", "when", "tgflags")) {
            map.put(key, key);
        }
        return Collections.unmodifiableMap(map);
    }

    static Statement londiste(TokenCursor c) {
        Statement result;
        if (c.acceptKeyword("add")) {
            if (c.acceptKeyword("table")) {
                List<String> tables = names(c, NameKind.NEW_TABLE);
                List<String> args = c.acceptKeyword("with") ? withArgs(c) : List.of();
                result = new Statement.LondisteAddTable(tables, args);
            } else {
                c.keyword("sequence");
                result = new Statement.LondisteAddSequence(names(c, NameKind.NEW_SEQUENCE));
            }
        } else if (c.acceptKeyword("remove")) {
            if (c.acceptKeyword("table")) {
                result = new Statement.LondisteRemoveTable(names(c, NameKind.KNOWN_TABLE));
            } else {
                c.keyword("sequence");
                result = new Statement.LondisteRemoveSequence(names(c, NameKind.KNOWN_SEQUENCE));
            }
        } else if (c.acceptKeyword("missing")) {
            result = new Statement.LondisteList(Statement.Listing.MISSING);
        } else if (c.acceptKeyword("tables")) {
            result = new Statement.LondisteList(Statement.Listing.TABLES);
        } else if (c.acceptKeyword("seqs")) {
            result = new Statement.LondisteList(Statement.Listing.SEQS);
        } else {
            throw c.error();
        }
        c.end();
        return result;
    }

    private static List<String> names(TokenCursor c, NameKind kind) {
        List<String> names = new ArrayList<>();
        do {
            names.add(c.name(kind).value());
        } while (c.acceptSymbol(","));
        return names;
    }

    private static List<String> withArgs(TokenCursor c) {
        List<String> args = new ArrayList<>();
        do {
            args.add(withArg(c));
        } while (c.acceptSymbol(","));
        return args;
    }

    private static String withArg(TokenCursor c) {
        for (String flag : FLAGS) {
            if (c.acceptKeyword(flag)) {
                return flag;
            }
        }
        for (Map.Entry<String, String> setting : SETTINGS.entrySet()) {
            if (c.acceptAssignment(setting.getKey(), "'")) {
                return setting.getValue() + "=" + c.name(NameKind.STRING).value();
            }
        }
        throw c.error();
    }
}
