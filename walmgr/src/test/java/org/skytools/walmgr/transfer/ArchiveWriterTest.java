package org.skytools.walmgr.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.walmgr.config.Location;

class ArchiveWriterTest {
    private static final String SEG = "000000010000000000000007";

    @TempDir
    Path dir;

    private Path segment(String content) throws Exception {
        Path src = Files.createTempFile(dir, "seg", "");
        Files.writeString(src, content);
        return src;
    }

    /** A stand-in for ssh: ignores options and host and runs the command here. */
    private String fakeSsh() throws Exception {
        Path script = dir.resolve("fakessh");
        Files.writeString(
                script,
                """
                #!/bin/sh
                while [ $# -gt 0 ]; do
                  case "$1" in
                    -o) shift 2 ;;
                    -*) shift ;;
                    *) break ;;
                  esac
                done
                shift
                exec /bin/sh -c "$*"
                """);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script.toString();
    }

    private static long tempFiles(Path archive) throws Exception {
        try (Stream<Path> s = Files.list(archive)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".")).count();
        }
    }

    @Test
    void localArchiveIsIdempotentForTheSameContent() throws Exception {
        Path archive = Files.createDirectory(dir.resolve("archive"));
        ArchiveWriter w = new ArchiveWriter(new Remote("ssh", 5, false), 5);
        w.archive(segment("wal-bytes"), SEG, Location.local(archive));
        w.archive(segment("wal-bytes"), SEG, Location.local(archive));
        assertThat(archive.resolve(SEG)).hasContent("wal-bytes");
        assertThat(tempFiles(archive)).isZero();
    }

    @Test
    void localArchiveRefusesToOverwriteADifferentSegment() throws Exception {
        Path archive = Files.createDirectory(dir.resolve("archive"));
        ArchiveWriter w = new ArchiveWriter(new Remote("ssh", 5, false), 5);
        w.archive(segment("first"), SEG, Location.local(archive));
        assertThatThrownBy(() -> w.archive(segment("second"), SEG, Location.local(archive)))
                .isInstanceOfSatisfying(
                        SkyToolsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.STATE))
                .hasMessageContaining("already holds a different \"" + SEG + "\"");
        assertThat(archive.resolve(SEG)).hasContent("first");
        assertThat(tempFiles(archive)).isZero();
    }

    @Test
    void missingArchiveDirectoryOrSourceFails() throws Exception {
        ArchiveWriter w = new ArchiveWriter(new Remote("ssh", 5, false), 5);
        assertThatThrownBy(() -> w.archive(segment("x"), SEG, Location.local(dir.resolve("nope"))))
                .hasMessageContaining("does not exist; create it with: walmgr <slave.ini> setup");
        assertThatThrownBy(() -> w.archive(dir.resolve("gone"), SEG, Location.local(dir)))
                .hasMessageContaining("WAL file");
    }

    @Test
    void remoteArchiveThroughRsyncAndSshBehavesTheSame() throws Exception {
        Path archive = Files.createDirectory(dir.resolve("remote-archive"));
        ArchiveWriter w = new ArchiveWriter(new Remote(fakeSsh(), 5, true), 5);
        Location remote = new Location("slavehost", archive.toString());
        w.archive(segment("bytes"), SEG, remote);
        w.archive(segment("bytes"), SEG, remote);
        assertThat(archive.resolve(SEG)).hasContent("bytes");
        assertThatThrownBy(() -> w.archive(segment("other"), SEG, remote))
                .hasMessageContaining("already holds a different");
        assertThat(archive.resolve(SEG)).hasContent("bytes");
        assertThat(tempFiles(archive)).isZero();
    }

    @Test
    void unreachableRemoteHostFailsWithinTheTimeout() throws Exception {
        Path script = dir.resolve("deadssh");
        Files.writeString(
                script,
                "#!/bin/sh\necho 'ssh: connect to host slavehost port 22: Connection timed out' >&2\nexit 255\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        ArchiveWriter w = new ArchiveWriter(new Remote(script.toString(), 2, false), 2);
        assertThatThrownBy(() -> w.archive(segment("x"), SEG, new Location("slavehost", "/w")))
                .isInstanceOf(SkyToolsException.class)
                .hasMessageContaining("cannot copy \"" + SEG + "\"");
    }

    @Test
    void shellQuotingSurvivesSpacesAndQuotes() {
        assertThat(Exec.shellQuote("/plain/path-1.ini")).isEqualTo("/plain/path-1.ini");
        assertThat(Exec.shellQuote("a b")).isEqualTo("'a b'");
        assertThat(Exec.shellQuote("it's")).isEqualTo("'it'\\''s'");
        assertThat(Exec.shellQuote("")).isEqualTo("''");
        Exec.Result r = Exec.shell(
                "printf '%s|' " + Exec.shellJoin(java.util.List.of("a b", "it's", "$HOME")), java.util.Map.of(), 10);
        assertThat(r.stdout()).isEqualTo("a b|it's|$HOME|");
    }
}
