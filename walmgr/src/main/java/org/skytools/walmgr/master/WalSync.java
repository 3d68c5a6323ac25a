package org.skytools.walmgr.master;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.Location;
import org.skytools.walmgr.config.WalmgrKey;
import org.skytools.walmgr.pg.MasterDb;
import org.skytools.walmgr.pg.PgControlData;
import org.skytools.walmgr.transfer.Exec;
import org.skytools.walmgr.wal.WalFileName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code sync} (W-8): copies in-progress WAL to the slave's {@code partial_wals}. With {@code
 * use_xlog_functions = 1} only the bytes written since the last call are sent ({@code
 * xpartialsync}, restarting from offset 0 after an error); otherwise every segment newer than the
 * last archived one is rsynced (bounded by the last checkpoint's segment when the master is shut
 * down, since newer files are then only recycled ones).
 */
public final class WalSync {
    private static final Logger log = LoggerFactory.getLogger(WalSync.class);

    private final WalmgrContext ctx;
    private final MasterNode node;
    private Chunk chunk;

    public WalSync(WalmgrContext ctx) {
        this.ctx = ctx;
        this.node = new MasterNode(ctx);
    }

    /** The part of the current segment still to send. */
    private static final class Chunk {
        final String file;
        long pos;
        long bytes;
        int syncs;

        Chunk(String file, long bytes) {
            this.file = file;
            this.bytes = bytes;
        }
    }

    /**
     * One sync. {@code db} is the open master session for record-based shipping (null when the
     * master cannot be reached); a daemon never falls back to copying files.
     */
    public void syncOnce(MasterDb db, boolean daemonMode) {
        if (ctx.settings().integer(WalmgrKey.USE_XLOG_FUNCTIONS) > 0) {
            if (db != null) {
                syncRecords(db, daemonMode);
                return;
            }
            log.warn("Database unavailable, record based log shipping not possible.");
            if (daemonMode) {
                return;
            }
        }
        syncFiles(daemonMode);
    }

    private void syncRecords(MasterDb db, boolean daemonMode) {
        MasterDb.WalPosition pos = db.currentWalPosition();
        if (chunk == null || !chunk.file.equals(pos.fileName())) {
            // a new segment: the rest of the old one comes through archive_command anyway
            if (chunk != null && chunk.syncs > 0) {
                log.info("{}: switched after {} interim syncs", chunk.file, chunk.syncs);
            }
            chunk = new Chunk(pos.fileName(), pos.offset());
        } else {
            chunk.bytes = pos.offset() - chunk.pos;
        }
        if (chunk.bytes <= 0) {
            return;
        }
        Path file = node.walDir().resolve(chunk.file);
        long segSize = db.walSegmentSize();
        if (ctx.notReally()) {
            log.info("would send {} @ {} +{}", chunk.file, chunk.pos, chunk.bytes);
            return;
        }
        try (FileChannel ch = FileChannel.open(file)) {
            ch.position(chunk.pos);
            InputStream in = new BoundedStream(Channels.newInputStream(ch), chunk.bytes);
            Exec.Result r = new SlaveLink(ctx)
                    .walmgr(
                            List.of(
                                    "xpartialsync",
                                    chunk.file,
                                    Long.toString(chunk.pos),
                                    Long.toString(chunk.bytes),
                                    Long.toString(segSize)),
                            in);
            if (r.ok()) {
                if (daemonMode) {
                    log.debug("sent to slave: {} @ {} +{}", chunk.file, chunk.pos, chunk.bytes);
                } else {
                    log.info("sent to slave: {} @ {} +{}", chunk.file, chunk.pos, chunk.bytes);
                }
                chunk.pos += chunk.bytes;
                chunk.syncs++;
            } else {
                chunk.pos = 0;
                log.error("xpartialsync exited with status {}, restarting from zero.", r.exitCode());
            }
        } catch (IOException e) {
            log.warn("Cannot access file {}: {}", file, e.getMessage());
        }
    }

    private void syncFiles(boolean daemonMode) {
        Path walDir = node.walDir();
        Location dst = ctx.settings().location(WalmgrKey.PARTIAL_WALS);
        String last = node.lastComplete();
        if (last != null) {
            log.info("{}: last complete", last);
        } else {
            log.info("last complete not found, copying all");
        }
        Optional<PgControlData> ctl =
                PgControlData.read(ctx.settings().optional(WalmgrKey.MASTER_BIN).orElse(""), node.dataDir());
        String checkpointWal = null;
        if (ctl.isEmpty()) {
            log.info("Unable to obtain control file information, copying all");
        } else if (!ctl.get().isShutDown()) {
            log.info("Database state is not 'shut down', copying all");
        } else {
            checkpointWal = ctl.get().checkpointSegment().name();
            log.info("last checkpoint wal: {}", checkpointWal);
        }
        for (String fn : candidates(listSegments(walDir), last, checkpointWal)) {
            Path xlog = walDir.resolve(fn);
            log.info("Syncing {}", xlog);
            if (ctx.notReally()) {
                continue;
            }
            Exec.Result r = ctx.remote().rsync(List.of(xlog.toString(), dst.rsyncArg(true)), true);
            if (!r.ok()) {
                log.error("Cannot sync {}: rsync exit code {}: {}", xlog, r.exitCode(), r.message());
                if (!daemonMode) {
                    throw new org.skytools.common.error.SkyToolsException(
                            org.skytools.common.error.ErrorKind.RUNTIME,
                            "cannot sync \"" + fn + "\" to \"" + dst + "\"");
                }
                return;
            }
        }
        log.info("Partial copy done");
    }

    /** Segments newer than the last archived one and not newer than {@code checkpointWal}. */
    static List<String> candidates(List<String> segments, String last, String checkpointWal) {
        String lastSegment = last == null
                ? null
                : WalFileName.parse(last).map(w -> w.segment().name()).orElse(last);
        boolean lastHasSuffix = last != null && last.indexOf('.') > 0;
        List<String> out = new ArrayList<>();
        for (String fn : segments.stream().sorted().toList()) {
            if (lastSegment != null) {
                int c = fn.compareTo(lastSegment);
                // a backup or partial file names a segment that is not complete yet
                if (c < 0 || (c == 0 && !lastHasSuffix)) {
                    continue;
                }
            }
            if (checkpointWal != null && fn.compareTo(checkpointWal) > 0) {
                continue;
            }
            out.add(fn);
        }
        return out;
    }

    private static List<String> listSegments(Path walDir) {
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(walDir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (WalFileName.parse(n).map(WalFileName::isSegment).orElse(false)) {
                    out.add(n);
                }
            }
        } catch (IOException e) {
            log.warn("cannot list {}: {}", walDir, e.getMessage());
        }
        return out;
    }

    /** Reads at most {@code limit} bytes from a stream. */
    private static final class BoundedStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedStream(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(buf, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
