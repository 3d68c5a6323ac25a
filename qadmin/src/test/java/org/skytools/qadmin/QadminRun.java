package org.skytools.qadmin;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.skytools.common.cli.ScriptCommandLine;
import org.skytools.testkit.TestDatabase;
import picocli.CommandLine;

/**
 * qadmin run in this JVM through the same command line as the launcher, with its output captured.
 *
 * @param exitCode the process exit code qadmin would return
 * @param out standard output
 * @param err standard error
 */
record QadminRun(int exitCode, String out, String err) {

    /** Runs qadmin connected to {@code db} with {@code args} after the connection switches. */
    static QadminRun on(TestDatabase db, String... args) {
        List<String> all = new ArrayList<>(List.of(
                "-h",
                db.cluster().host(),
                "-p",
                String.valueOf(db.cluster().port()),
                "-U",
                db.cluster().superuser()));
        all.addAll(List.of(args));
        all.add(db.name());
        return raw(all.toArray(String[]::new));
    }

    /** Runs qadmin with exactly {@code args}. */
    static QadminRun raw(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = ScriptCommandLine.create(new QadminCommand());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int code = line.execute(args);
        return new QadminRun(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
}
