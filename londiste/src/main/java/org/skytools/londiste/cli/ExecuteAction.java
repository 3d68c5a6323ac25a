package org.skytools.londiste.cli;

import java.nio.file.Path;
import org.skytools.londiste.execute.ExecuteOnRoot;

/** {@code execute FILE...}: runs SQL files on the root and queues them for every node. */
final class ExecuteAction implements AdminAction {
    @Override
    public int run(AdminContext ctx) throws Exception {
        new ExecuteOnRoot(ctx.node(), ctx.queueName())
                .run(ctx.args().stream().map(Path::of).toList());
        return 0;
    }
}
