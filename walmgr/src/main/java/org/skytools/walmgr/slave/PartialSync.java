package org.skytools.walmgr.slave;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.Set;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.walmgr.WalmgrContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code xpartialsync FILE OFFSET BYTES [SEGSIZE]}: writes BYTES bytes from standard input at
 * OFFSET into {@code partial_wals/FILE} (truncating it when OFFSET is 0) and pads the file to the
 * segment size (16 MB unless given) as a sparse file, so recovery can read it as a whole segment.
 */
public final class PartialSync {
    private static final Logger log = LoggerFactory.getLogger(PartialSync.class);
    public static final long DEFAULT_SEGMENT_SIZE = 16L * 1024 * 1024;

    private final WalmgrContext ctx;

    public PartialSync(WalmgrContext ctx) {
        this.ctx = ctx;
    }

    public void append(String fileName, long offset, long bytes, long segmentSize, InputStream in) {
        if (fileName.contains("/") || fileName.startsWith(".")) {
            throw new SkyToolsException(ErrorKind.USAGE, "xpartialsync: bad file name \"" + fileName + "\"");
        }
        byte[] data;
        try {
            data = in.readNBytes((int) Math.min(bytes, Integer.MAX_VALUE));
        } catch (IOException e) {
            throw fail(fileName, "cannot read standard input: " + e.getMessage());
        }
        if (data.length != bytes) {
            throw fail(fileName, "not enough data, expected " + bytes + ", got " + data.length);
        }
        Path file = new SlaveNode(ctx).partialWals().resolve(fileName);
        log.debug("Slave: adding to {} @ {} +{}", fileName, offset, bytes);
        if (ctx.notReally()) {
            log.info("Adding to partial: {}", file);
            return;
        }
        Set<StandardOpenOption> opts = EnumSet.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE);
        if (offset == 0) {
            opts.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        try (FileChannel ch = FileChannel.open(file, opts)) {
            ch.position(offset);
            ByteBuffer buf = ByteBuffer.wrap(data);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            if (ch.size() < segmentSize) {
                // one byte at the end makes a sparse file of full segment size
                ch.write(ByteBuffer.wrap(new byte[1]), segmentSize - 1);
            }
        } catch (IOException e) {
            throw fail(fileName, "unable to write partial WAL " + file + ": " + e.getMessage());
        }
    }

    private static SkyToolsException fail(String fileName, String message) {
        return new SkyToolsException(ErrorKind.RUNTIME, "xpartialsync \"" + fileName + "\": " + message);
    }
}
