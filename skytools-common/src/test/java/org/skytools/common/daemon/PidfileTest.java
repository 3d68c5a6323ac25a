package org.skytools.common.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;

/** The single-instance rule of cli.md 1.2. */
class PidfileTest {
    @TempDir
    Path dir;

    private final long self = ProcessHandle.current().pid();

    private static long deadPid() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    @Test
    void createWritesOwnPidAndRemoveDeletesIt() {
        Pidfile pidfile = new Pidfile(dir.resolve("job.pid"));
        pidfile.create();
        assertThat(pidfile.read()).hasValue(self);
        assertThat(pidfile.livePid()).hasValue(self);
        assertThat(dir).isDirectoryNotContaining(p -> p.getFileName().toString().contains(".tmp"));
        pidfile.remove();
        assertThat(pidfile.path()).doesNotExist();
    }

    @Test
    void pidfileOfALiveProcessMeansAlreadyRunning() throws IOException {
        Path path = dir.resolve("job.pid");
        Files.writeString(path, "1");
        Pidfile pidfile = new Pidfile(path);
        assertThatThrownBy(pidfile::checkNotRunning)
                .isInstanceOf(SkyToolsException.class)
                .hasMessage("pidfile \"" + path + "\" exists, another process running? (pid 1 is alive)")
                .extracting(e -> ((SkyToolsException) e).kind())
                .isEqualTo(ErrorKind.ALREADY_RUNNING);
        assertThatThrownBy(pidfile::create)
                .isInstanceOf(SkyToolsException.class)
                .extracting(e -> ((SkyToolsException) e).kind())
                .isEqualTo(ErrorKind.ALREADY_RUNNING);
        assertThat(Files.readString(path)).isEqualTo("1");
    }

    @Test
    void stalePidfileIsRemovedAndReplaced() throws Exception {
        Path path = dir.resolve("job.pid");
        Files.writeString(path, deadPid() + "\n");
        Pidfile pidfile = new Pidfile(path);
        assertThat(pidfile.livePid()).isEmpty();
        pidfile.create();
        assertThat(pidfile.read()).hasValue(self);
    }

    @Test
    void emptyPidfileIsStale() throws IOException {
        Path path = dir.resolve("job.pid");
        Files.writeString(path, "");
        Pidfile pidfile = new Pidfile(path);
        pidfile.checkNotRunning();
        assertThat(path).doesNotExist();
    }

    @Test
    void corruptPidfileIsAnError() throws IOException {
        Path path = dir.resolve("job.pid");
        Files.writeString(path, "garbage\n");
        assertThatThrownBy(() -> new Pidfile(path).checkNotRunning())
                .hasMessage("pidfile \"" + path
                        + "\" is corrupt (content \"garbage\"); remove it if no process is running");
    }

    @Test
    void removeLeavesAnotherProcesssPidfile() throws IOException {
        Path path = dir.resolve("job.pid");
        Files.writeString(path, "1");
        new Pidfile(path).remove();
        assertThat(path).exists();
    }

    @Test
    void missingDirectoryIsAConfigError() {
        Pidfile pidfile = new Pidfile(dir.resolve("nope/job.pid"));
        assertThatThrownBy(pidfile::create)
                .hasMessage("pidfile directory \"" + dir.resolve("nope")
                        + "\" does not exist; create it or change 'pidfile'");
    }

    @Test
    void aliveMeansRunningAndNotReaped() throws Exception {
        assertThat(Pidfile.isAlive(self)).isTrue();
        assertThat(Pidfile.isAlive(deadPid())).isFalse();
    }

    @Test
    void controlCommandsWithNothingRunningExitZero() throws Exception {
        Path path = dir.resolve("job.pid");
        assertThat(ControlCommand.STOP.send(Optional.empty())).isZero();
        assertThat(ControlCommand.STOP.send(Optional.of(new Pidfile(path)))).isZero();
        Files.writeString(path, Long.toString(deadPid()));
        assertThat(ControlCommand.RELOAD.send(Optional.of(new Pidfile(path)))).isZero();
    }
}
