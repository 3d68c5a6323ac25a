package org.skytools.common.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.LoggerContext;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.common.error.SkyToolsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/** Syslog through logger(1): each line with its facility and severity, one message per line. */
@Timeout(30)
class SyslogPipeTest {
    private static final Logger log = LoggerFactory.getLogger(SyslogPipeTest.class);

    @AfterEach
    void restore() {
        LogSetup.apply(LogSettings.console("test", Level.INFO, true));
    }

    private static List<String> receive(DatagramSocket socket, int count) throws Exception {
        List<String> got = new ArrayList<>();
        byte[] buf = new byte[4096];
        while (got.size() < count) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            socket.receive(p);
            got.add(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
        }
        return got;
    }

    @Test
    void linesGoWithTheFacilityAndTheLevelAsSeverity() throws Exception {
        LogSetup.apply(LogSettings.console("test", Level.INFO, false));
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(10_000);
            // the same logger(1) as for /dev/log, sent to a local UDP port the test listens on
            List<String> command = List.of(
                    "logger",
                    "--prio-prefix",
                    "-t",
                    "pgqd-test",
                    "-d",
                    "-n",
                    "127.0.0.1",
                    "-P",
                    String.valueOf(socket.getLocalPort()));
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            assertThat(LogSetup.attach(context, new SyslogPipe(command, SyslogPipe.facilityCode("daemon"))))
                    .isTrue();
            log.info("ticker started for {}", "db1");
            log.warn("database \"db2\": connection refused");
            log.error("two\nlines");
            log.debug("not at INFO");
            List<String> got = receive(socket, 4);
            // daemon = 3: info 3*8+6, warning 3*8+4, error 3*8+3
            assertThat(got.get(0)).startsWith("<30>").contains("pgqd-test").endsWith("ticker started for db1");
            assertThat(got.get(1)).startsWith("<28>").endsWith("database \"db2\": connection refused");
            assertThat(got.get(2)).startsWith("<27>").endsWith("two");
            assertThat(got.get(3)).startsWith("<27>").endsWith("lines");
        }
    }

    @Test
    void facilitiesByNameAndAClearErrorForAnUnknownOne() {
        assertThat(SyslogPipe.facilityCode("daemon")).isEqualTo(3);
        assertThat(SyslogPipe.facilityCode("LOCAL3")).isEqualTo(19);
        assertThat(SyslogPipe.facilityCode("user")).isEqualTo(1);
        assertThatThrownBy(() -> SyslogPipe.facilityCode("nosuch"))
                .isInstanceOf(SkyToolsException.class)
                .hasMessageContaining("syslog_facility \"nosuch\"");
    }
}
