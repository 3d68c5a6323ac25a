package org.skytools.walmgr.pg;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.skytools.walmgr.transfer.Exec;
import org.skytools.walmgr.wal.Lsn;
import org.skytools.walmgr.wal.WalFileName;

/**
 * The parts of {@code pg_controldata} output walmgr needs: last checkpoint and its redo point,
 * timeline, WAL segment size, control version and cluster state.
 */
public record PgControlData(
        Lsn checkpoint, Lsn redo, int timeline, long segmentSize, int controlVersion, String clusterState) {

    private static final Pattern CHECKPOINT =
            Pattern.compile("^Latest checkpoint location:\\s+(\\S+)$", Pattern.MULTILINE);
    private static final Pattern REDO =
            Pattern.compile("^Latest checkpoint's REDO location:\\s+(\\S+)$", Pattern.MULTILINE);
    private static final Pattern TIMELINE =
            Pattern.compile("^Latest checkpoint's TimeLineID:\\s+(\\d+)$", Pattern.MULTILINE);
    private static final Pattern SEGSIZE = Pattern.compile("^Bytes per WAL segment:\\s+(\\d+)$", Pattern.MULTILINE);
    private static final Pattern VERSION = Pattern.compile("^pg_control version number:\\s+(\\d+)$", Pattern.MULTILINE);
    private static final Pattern STATE = Pattern.compile("^Database cluster state:\\s+(.*)$", Pattern.MULTILINE);

    /** Runs pg_controldata from {@code binDir} (PATH when empty); empty when it fails. */
    public static Optional<PgControlData> read(String binDir, Path dataDir) {
        String exe = binDir == null || binDir.isEmpty()
                ? "pg_controldata"
                : Path.of(binDir, "pg_controldata").toString();
        try {
            // the C locale keeps the labels parseable
            Exec.Result r = Exec.run(List.of(exe, "-D", dataDir.toString()), Map.of("LC_ALL", "C", "LANG", "C"), 60);
            return r.exitCode() == 0 ? parse(r.stdout()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Parses pg_controldata output; empty when a needed line is missing. */
    public static Optional<PgControlData> parse(String output) {
        Optional<String> cp = find(CHECKPOINT, output);
        Optional<String> redo = find(REDO, output);
        Optional<String> tli = find(TIMELINE, output);
        Optional<String> seg = find(SEGSIZE, output);
        Optional<String> ver = find(VERSION, output);
        Optional<String> state = find(STATE, output);
        if (cp.isEmpty() || redo.isEmpty() || tli.isEmpty() || seg.isEmpty() || ver.isEmpty() || state.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PgControlData(
                Lsn.valueOf(cp.get()),
                Lsn.valueOf(redo.get()),
                Integer.parseInt(tli.get()),
                Long.parseLong(seg.get()),
                Integer.parseInt(ver.get()),
                state.get().strip()));
    }

    private static Optional<String> find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public boolean isShutDown() {
        return "shut down".equals(clusterState);
    }

    /** The segment of the last checkpoint record. */
    public WalFileName checkpointSegment() {
        return WalFileName.segmentOf(timeline, checkpoint, segmentSize);
    }

    /** The segment of the last checkpoint's redo point: where replay has to start. */
    public WalFileName redoSegment() {
        return WalFileName.segmentOf(timeline, redo, segmentSize);
    }
}
