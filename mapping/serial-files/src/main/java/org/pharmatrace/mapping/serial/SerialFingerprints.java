package org.pharmatrace.mapping.serial;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Remembers every (GTIN, serial) of a file to find duplicates without keeping the strings: a 128-bit fingerprint
 * (the first half of a SHA-256) and the line it was first seen on — 20 bytes per slot, tables at most 3/4 full, so
 * about 30 MB for a million serials. With 128 bits an accidental collision is out of reach (below 10^-20 for a
 * billion serials), so a reported duplicate is a real one. The slots are split over 256 independently growing
 * tables, so growing never needs one large block or a second copy of everything.
 */
final class SerialFingerprints {

    private static final int TABLES = 256;
    private static final int INITIAL_SLOTS = 64;

    private final MessageDigest sha256;
    private final Table[] tables = new Table[TABLES];
    private long size;

    SerialFingerprints() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
        for (int i = 0; i < TABLES; i++) {
            tables[i] = new Table(INITIAL_SLOTS);
        }
    }

    /**
     * Records the serial of a GTIN first seen on {@code line} (from 1).
     *
     * @return 0 when it is new, else the line on which it was seen before
     */
    int addOrGetLine(String gtin, String serial, int line) {
        sha256.update(gtin.getBytes(StandardCharsets.US_ASCII));
        sha256.update((byte) 0x1D);
        byte[] digest = sha256.digest(serial.getBytes(StandardCharsets.UTF_8));
        long high = toLong(digest, 0);
        long low = toLong(digest, 8);
        int seen = tables[(int) (high >>> 56)].addOrGetLine(high, low, line);
        if (seen == 0) {
            size++;
        }
        return seen;
    }

    long size() {
        return size;
    }

    /** Open addressing with linear probing; a slot whose line is 0 is empty. */
    private static final class Table {
        private long[] high;
        private long[] low;
        private int[] lines;
        private int used;

        Table(int slots) {
            allocate(slots);
        }

        int addOrGetLine(long h, long l, int line) {
            int slot = find(h, l);
            if (lines[slot] != 0) {
                return lines[slot];
            }
            high[slot] = h;
            low[slot] = l;
            lines[slot] = line;
            if (++used * 4L > lines.length * 3L) {
                grow();
            }
            return 0;
        }

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

        private void allocate(int slots) {
            high = new long[slots];
            low = new long[slots];
            lines = new int[slots];
        }
    }

    private static long toLong(byte[] b, int offset) {
        long v = 0;
        for (int i = offset; i < offset + 8; i++) {
            v = (v << 8) | (b[i] & 0xff);
        }
        return v;
    }
}
