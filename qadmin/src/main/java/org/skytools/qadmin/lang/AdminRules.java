package org.skytools.qadmin.lang;

import java.util.LinkedHashMap;
import java.util.Map;

/** Grammar of {@code connect}, {@code install} and {@code create/alter/drop queue}. */
final class AdminRules {
    private AdminRules() {}

    /** {@code connect [dbname=X] [host=X] [port=N] [user=X] [password=X] [queue=Q] [node=N];}. */
    static Statement connect(TokenCursor c) {
        Map<String, String> params = new LinkedHashMap<>();
        while (!c.acceptEnd()) {
            if (c.acceptAssignment("dbname", "")) {
                params.put("dbname", c.glued(NameKind.DATABASE));
            } else if (c.acceptAssignment("host", "")) {
                params.put("host", c.glued(NameKind.HOST));
            } else if (c.acceptAssignment("port", "")) {
                params.put("port", c.glued(NameKind.PORT));
            } else if (c.acceptAssignment("user", "")) {
                params.put("user", c.glued(NameKind.USER));
            } else if (c.acceptAssignment("password", "")) {
                params.put("password", c.glued(NameKind.PASSWORD));
            } else if (c.acceptAssignment("queue", "")) {
                params.put("queue", c.name(NameKind.QUEUE).value());
            } else if (c.acceptAssignment("node", "")) {
                params.put("node", c.name(NameKind.NODE).value());
            } else {
                throw c.error();
            }
        }
        return new Statement.Connect(params);
    }

    /** {@code install pgq;} or {@code install londiste;}. */
    static Statement install(TokenCursor c) {
        Statement.Module module;
        if (c.acceptKeyword("pgq")) {
            module = Statement.Module.PGQ;
        } else if (c.acceptKeyword("londiste")) {
            module = Statement.Module.LONDISTE;
        } else {
            throw c.error();
        }
        c.end();
        return new Statement.Install(module);
    }

    /** {@code create queue Q;}; any other {@code create} is SQL. */
    static Statement create(TokenCursor c, Token first) {
        if (!c.acceptKeyword("queue")) {
            return StatementParser.sql(c, first);
        }
        String queue = c.name(NameKind.QUEUE).value();
        c.end();
        return new Statement.CreateQueue(queue);
    }

    /** {@code drop queue Q;}; any other {@code drop} is SQL. */
    static Statement drop(TokenCursor c, Token first) {
        if (!c.acceptKeyword("queue")) {
            return StatementParser.sql(c, first);
        }
        String queue = c.name(NameKind.QUEUE).value();
        c.end();
        return new Statement.DropQueue(queue);
    }

    /**
     * {@code alter queue Q|* set idle_period='..', max_count=N, max_lag='..', paused=N;}; any other
     * {@code alter} is SQL. Only these four settings, as in SkyTools 3.
     */
    static Statement alter(TokenCursor c, Token first) {
        if (!c.acceptKeyword("queue")) {
            return StatementParser.sql(c, first);
        }
        Statement.Target queue = c.target(NameKind.QUEUE);
        c.keyword("set");
        Map<String, String> settings = new LinkedHashMap<>();
        do {
            if (c.acceptAssignment("idle_period", "'")) {
                settings.put("ticker_idle_period", c.name(NameKind.STRING).value());
            } else if (c.acceptAssignment("max_count", "")) {
                settings.put("ticker_max_count", c.name(NameKind.NUMBER).value());
            } else if (c.acceptAssignment("max_lag", "'")) {
                settings.put("ticker_max_lag", c.name(NameKind.STRING).value());
            } else if (c.acceptAssignment("paused", "")) {
                settings.put("ticker_paused", c.name(NameKind.NUMBER).value());
            } else {
                throw c.error();
            }
        } while (c.acceptSymbol(","));
        c.end();
        return new Statement.AlterQueue(queue, settings);
    }
}
