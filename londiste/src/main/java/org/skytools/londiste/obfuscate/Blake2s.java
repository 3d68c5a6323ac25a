package org.skytools.londiste.obfuscate;

/**
 * BLAKE2s (RFC 7693), keyed or not, with a digest of 1 to 32 bytes: the hash the {@code obfuscate}
 * handler keys its column values with. The JDK has no BLAKE2 digest.
 */
final class Blake2s {
    private static final int BLOCK = 64;
    private static final int[] IV = {
        0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A, 0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19
    };
    private static final byte[][] SIGMA = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
        {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
        {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
        {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
        {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
        {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
        {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
        {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
        {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
        {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0}
    };

    private Blake2s() {}

    /**
     * The digest of {@code data}.
     *
     * @param size digest length in bytes, 1 to 32
     * @param key 0 to 32 bytes; empty for the unkeyed hash
     */
    static byte[] digest(byte[] data, int size, byte[] key) {
        if (size < 1 || size > 32) {
            throw new IllegalArgumentException("BLAKE2s digest size must be 1 to 32 bytes, not " + size);
        }
        if (key.length > 32) {
            throw new IllegalArgumentException("BLAKE2s key must be at most 32 bytes, not " + key.length);
        }
        int[] h = IV.clone();
        h[0] ^= 0x01010000 ^ (key.length << 8) ^ size;
        // a key is hashed as a first block of its own, zero-padded
        byte[] input;
        if (key.length > 0) {
            input = new byte[BLOCK + data.length];
            System.arraycopy(key, 0, input, 0, key.length);
            System.arraycopy(data, 0, input, BLOCK, data.length);
        } else {
            input = data;
        }
        long counter = 0;
        int offset = 0;
        int[] m = new int[16];
        // every full block but the last is compressed as not final; the last, even when empty, as final
        while (input.length - offset > BLOCK) {
            counter += BLOCK;
            load(input, offset, BLOCK, m);
            compress(h, m, counter, false);
            offset += BLOCK;
        }
        int rest = input.length - offset;
        counter += rest;
        load(input, offset, rest, m);
        compress(h, m, counter, true);

        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = (byte) (h[i >> 2] >>> (8 * (i & 3)));
        }
        return out;
    }

    // little-endian words of one block, zero-padded
    private static void load(byte[] b, int offset, int len, int[] m) {
        java.util.Arrays.fill(m, 0);
        for (int i = 0; i < len; i++) {
            m[i >> 2] |= (b[offset + i] & 0xFF) << (8 * (i & 3));
        }
    }

    private static void compress(int[] h, int[] m, long counter, boolean last) {
        int[] v = new int[16];
        System.arraycopy(h, 0, v, 0, 8);
        System.arraycopy(IV, 0, v, 8, 8);
        v[12] ^= (int) counter;
        v[13] ^= (int) (counter >>> 32);
        if (last) {
            v[14] = ~v[14];
        }
        for (byte[] s : SIGMA) {
            mix(v, 0, 4, 8, 12, m[s[0]], m[s[1]]);
            mix(v, 1, 5, 9, 13, m[s[2]], m[s[3]]);
            mix(v, 2, 6, 10, 14, m[s[4]], m[s[5]]);
            mix(v, 3, 7, 11, 15, m[s[6]], m[s[7]]);
            mix(v, 0, 5, 10, 15, m[s[8]], m[s[9]]);
            mix(v, 1, 6, 11, 12, m[s[10]], m[s[11]]);
            mix(v, 2, 7, 8, 13, m[s[12]], m[s[13]]);
            mix(v, 3, 4, 9, 14, m[s[14]], m[s[15]]);
        }
        for (int i = 0; i < 8; i++) {
            h[i] ^= v[i] ^ v[i + 8];
        }
    }

    private static void mix(int[] v, int a, int b, int c, int d, int x, int y) {
        v[a] = v[a] + v[b] + x;
        v[d] = Integer.rotateRight(v[d] ^ v[a], 16);
        v[c] = v[c] + v[d];
        v[b] = Integer.rotateRight(v[b] ^ v[c], 12);
        v[a] = v[a] + v[b] + y;
        v[d] = Integer.rotateRight(v[d] ^ v[a], 8);
        v[c] = v[c] + v[d];
        v[b] = Integer.rotateRight(v[b] ^ v[c], 7);
    }
}
