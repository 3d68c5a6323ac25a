package org.skytools.walmgr;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.skytools.common.cli.ScriptCommandLine;
import org.skytools.walmgr.cli.FastPath;
import org.skytools.walmgr.cli.WalmgrCommand;
import picocli.CommandLine;

/** Entry point of the walmgr executable: {@code walmgr CONFIG.ini COMMAND [args]}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (FastPath.applies(args)) {
            System.exit(FastPath.run(args));
        }
        System.exit(execute(args, System.in, System.out, System.err));
    }

    /** Runs one command line with the given streams; returns the exit code. */
    public static int execute(String[] args, InputStream in, PrintStream out, PrintStream err) {
        WalmgrCommand root = new WalmgrCommand();
        root.streams(in, out, err);
        CommandLine cl = ScriptCommandLine.create(root);
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        return cl.execute(args);
    }
}
