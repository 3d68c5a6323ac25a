package org.skytools.common.db;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The frame of COPY's binary format: a header before the rows and a trailer after them. A stream
 * split over several targets loses them in all but one, so each target writes its own.
 */
final class BinaryCopy {
    private static final byte[] SIGNATURE = "PGCOPY\n\u00ff\r\n\0".getBytes(StandardCharsets.ISO_8859_1);

    /** The header PostgreSQL writes: signature, no flags, no header extension. */
    static final byte[] HEADER = Arrays.copyOf(SIGNATURE, SIGNATURE.length + 8);

    /** The trailer: a field count of -1. */
    static final byte[] TRAILER = {(byte) 0xff, (byte) 0xff};

    private BinaryCopy() {}

    /**
     * The first message of a binary COPY without its header (PostgreSQL sends the header with the
     * first row). A header with flags or an extension is refused: the targets could not repeat it.
     */
    static byte[] withoutHeader(byte[] first) {
        if (first.length < HEADER.length || !Arrays.equals(first, 0, HEADER.length, HEADER, 0, HEADER.length)) {
            throw new IllegalStateException("the source's COPY does not start with the plain binary header");
        }
        return Arrays.copyOfRange(first, HEADER.length, first.length);
    }

    /** Whether a message is the trailer: rows start with their field count, never -1. */
    static boolean isTrailer(byte[] message) {
        return message.length == 2 && message[0] == (byte) 0xff && message[1] == (byte) 0xff;
    }
}
