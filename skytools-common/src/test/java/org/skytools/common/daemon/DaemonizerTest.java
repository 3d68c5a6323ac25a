package org.skytools.common.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How -d builds the command line of the detached JVM. */
class DaemonizerTest {

    @Test
    void ownCommandLineIsReusedWhenItsTailIsTheProgramArguments() {
        String[] argv = {"-Xmx64m", "-cp", "/a.jar:/b.jar", "org.example.Main", "job.ini", "-d"};
        assertThat(Daemonizer.launchPrefix(Optional.of(argv), List.of("job.ini", "-d")))
                .containsExactly("-Xmx64m", "-cp", "/a.jar:/b.jar", "org.example.Main");
    }

    @Test
    void runtimeInformationIsUsedWhenTheCommandLineDoesNotMatch() {
        List<String> prefix = Daemonizer.launchPrefix(Optional.empty(), List.of("job.ini", "-d"));
        assertThat(prefix).isNotEmpty();
        String last = prefix.get(prefix.size() - 1);
        assertThat(last).isEqualTo(System.getProperty("sun.java.command").split(" ")[0]);
        assertThat(prefix).containsAnyOf("-cp", "-jar");
    }

    @Test
    void childGetsMarkerPropertyAndTheSameArguments() {
        List<String> command = new Daemonizer(java.time.Duration.ofSeconds(1)).command(List.of("job.ini", "-d", "-v"));
        assertThat(command).contains("-D" + Daemonizer.CHILD_PROPERTY + "=true");
        assertThat(command.subList(command.size() - 3, command.size())).containsExactly("job.ini", "-d", "-v");
        int java = (command.get(0).endsWith("setsid") ? 1 : 0)
                + Daemonizer.signalReset().size();
        assertThat(command.get(java)).endsWith("java");
        assertThat(Daemonizer.signalReset())
                .as("GNU env on this machine: the daemon gets default HUP, INT and TERM")
                .containsExactly("/usr/bin/env", "--default-signal=HUP,INT,TERM");
        assertThat(command.get(0).endsWith("setsid"))
                .isEqualTo(
                        Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid")));
        assertThat(Daemonizer.isChild()).isFalse();
    }
}
