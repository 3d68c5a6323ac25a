package org.skytools.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.skytools.common.cli.ScriptCommandLine;
import picocli.CommandLine;

class SimpleConsumerCommandTest {
    private static String[] run(Object command, String... args) {
        CommandLine line = ScriptCommandLine.create(command);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        int code = line.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void iniSampleDocumentsTheToolAndConsumerKeys() {
        String[] r = run(new SimpleConsumerCommand(), "--ini");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1])
                .contains("[simple_consumer3]")
                .contains("dst_query")
                .contains("queue_name")
                .contains("table_filter")
                .contains("pgq_lazy_fetch");
    }

    @Test
    void localSampleHasTheTrackingFileAndRetryKeys() {
        String[] r = run(new SimpleLocalConsumerCommand(), "--ini");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1])
                .contains("[simple_local_consumer3]")
                .contains("local_tracking_file")
                .contains("sql_retry");
    }

    @Test
    void helpListsTheConsumerSwitches() {
        String[] r = run(new SimpleLocalConsumerCommand(), "--help");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("--register", "--unregister", "--rewind", "--reset");
    }

    @Test
    void twoCommandsAtOnceIsAUsageError() {
        String[] r = run(new SimpleConsumerCommand(), "--register", "--unregister", "some.ini");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("only one of --register");
    }
}
