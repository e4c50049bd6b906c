package org.pharmatrace.mapping.serial;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Remembers every (GTIN, serial) of a file to find duplicates without keeping the strings: a 128-bit fingerprint
 * (the first half of a SHA-256) and the line it was first seen on, in flat arrays — 20 bytes per serial at most 3/4
 * full, about 40 MB for a million serials. With 128 bits an accidental collision is out of reach
 * (below 10^-20 for a billion serials), so a reported duplicate is a real one.
 */
final class SerialFingerprints {

    private final MessageDigest sha256;
    private long[] high;
    private long[] low;
    private int[] lines;
    private int size;

    SerialFingerprints() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
        allocate(1 << 12);
    }

    /**
     * Records the serial of a GTIN first seen on {@code line}.
     *
     * @return 0 when it is new, else the line on which it was seen before
     */
    int addOrGetLine(String gtin, String serial, int line) {
        sha256.update(gtin.getBytes(StandardCharsets.US_ASCII));
        sha256.update((byte) 0x1D);
        byte[] digest = sha256.digest(serial.getBytes(StandardCharsets.UTF_8));
        long h = toLong(digest, 0);
        long l = toLong(digest, 8);
        int slot = find(h, l);
        if (lines[slot] != 0) {
            return lines[slot];
        }
        high[slot] = h;
        low[slot] = l;
        lines[slot] = line;
        if (++size * 4L > lines.length * 3L) {
            grow();
        }
        return 0;
    }

    int size() {
        return size;
    }

    /** Linear probing; a slot whose line is 0 is empty (lines start at 1). */
    private int find(long h, long l) {
        int mask = lines.length - 1;
        int slot = (int) (l ^ (l >>> 32)) & mask;
        while (lines[slot] != 0 && (high[slot] != h || low[slot] != l)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        int[] oldLines = lines;
        allocate(oldLines.length * 2);
        for (int i = 0; i < oldLines.length; i++) {
            if (oldLines[i] != 0) {
                int slot = find(oldHigh[i], oldLow[i]);
                high[slot] = oldHigh[i];
                low[slot] = oldLow[i];
                lines[slot] = oldLines[i];
            }
        }
    }

    private void allocate(int capacity) {
        high = new long[capacity];
        low = new long[capacity];
        lines = new int[capacity];
    }

    private static long toLong(byte[] b, int offset) {
        long v = 0;
        for (int i = offset; i < offset + 8; i++) {
            v = (v << 8) | (b[i] & 0xff);
        }
        return v;
    }
}
