package org.skytools.common.daemon;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(command.get(0)).endsWith("setsid");
        assertThat(command.get(1)).endsWith("java");
        assertThat(Daemonizer.isChild()).isFalse();
    }
}
