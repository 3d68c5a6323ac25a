package org.skytools.londiste.cli;

import java.io.PrintWriter;
import java.util.List;
import org.skytools.common.error.SkyToolsException;
import org.skytools.londiste.replay.HandlerRegistry;
import org.skytools.londiste.table.AddTableOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code show-handlers} and {@code change-handler}. */
final class HandlerActions {
    private static final Logger log = LoggerFactory.getLogger(HandlerActions.class);

    private HandlerActions() {}

    /**
     * {@code show-handlers [NAME...]}: every handler with the first line of its description, or for
     * the named ones the description and the arguments they take.
     */
    static AdminAction showHandlers() {
        return ctx -> {
            print(ctx.out(), ctx.args());
            return 0;
        };
    }

    static void print(PrintWriter out, List<String> names) {
        HandlerRegistry handlers = new HandlerRegistry();
        if (names.isEmpty()) {
            for (String n : handlers.names()) {
                out.println(n + " - " + handlers.description(n));
            }
            return;
        }
        for (String n : names) {
            if (handlers.description(n) == null) {
                throw SkyToolsException.usage(
                        "unknown handler \"" + n + "\"; known handlers: " + String.join(", ", handlers.names()));
            }
        }
        for (String n : names) {
            out.println(n + " - " + handlers.description(n));
            List<String> args = handlers.arguments(n);
            if (!args.isEmpty()) {
                out.println("  Parameters: " + String.join(", ", args));
            }
        }
    }

    /**
     * {@code change-handler TABLE [--handler=NAME [--handler-arg=K=V...]] [trigger switches]}: sets
     * the table's handler (none: back to the default) and makes its trigger again.
     */
    static AdminAction changeHandler() {
        return ctx -> {
            LondisteOptions o = ctx.options();
            if (o.handler == null && !o.handlerArgs.isEmpty()) {
                throw SkyToolsException.usage("--handler-arg needs --handler");
            }
            AddTableOptions opts = TableActions.triggerAndHandler(o).build();
            String done =
                    TableActions.admin(ctx).changeHandler(ctx.node(), ctx.args().get(0), opts);
            log.info("{}", done);
            return 0;
        };
    }
}
