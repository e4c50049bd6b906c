package org.pharmatrace.epcis.hash;

/**
 * One nesting level of pre-hash entries that must be emitted in lexical order (the epcs of a list, the reports of a
 * sensor element, the children of an extension element...). Entries are written into one shared buffer and sorted as
 * index ranges, so sorting a list allocates no strings. Reused for every list at its level.
 *
 * <p>The order is by Unicode code point, which is what "case-sensitive lexical ordering considering the UTF-8/ASCII
 * code values" means (UTF-8 byte order equals code point order); Java's {@code String.compareTo} would differ for
 * characters above U+FFFF.
 */
final class SortedEntries {

    final StringBuilder text = new StringBuilder(512);
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private int[] order = new int[32];
    private int[] scratch = new int[32];
    /** The entries' text copied out of {@link #text} for sorting: array access is much cheaper than charAt. */
    private char[] chars = new char[512];
    private int count;
    private int openStart = -1;

    void clear() {
        text.setLength(0);
        count = 0;
        openStart = -1;
    }

    /** Starts an entry: what is appended to {@link #text} until {@link #close()} belongs to it. */
    StringBuilder open() {
        openStart = text.length();
        return text;
    }

    /** Ends the entry started by {@link #open()}; an entry that wrote nothing is dropped. */
    void close() {
        int start = openStart;
        openStart = -1;
        int end = text.length();
        if (end == start) {
            return;
        }
        if (count == starts.length) {
            int size = count * 2;
            starts = java.util.Arrays.copyOf(starts, size);
            ends = java.util.Arrays.copyOf(ends, size);
            order = new int[size];
            scratch = new int[size];
        }
        starts[count] = start;
        ends[count] = end;
        count++;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** Appends the entries in lexical order, optionally after a list name (only when there is an entry). */
    void appendSortedTo(StringBuilder out, String listName) {
        if (count == 0) {
            return;
        }
        if (listName != null) {
            out.append(listName);
        }
        int length = text.length();
        if (chars.length < length) {
            chars = new char[Math.max(length, chars.length * 2)];
        }
        text.getChars(0, length, chars, 0);
        for (int k = 0; k < count; k++) {
            order[k] = k;
        }
        if (count > 1) {
            sort(0, count);
        }
        for (int k = 0; k < count; k++) {
            int e = order[k];
            out.append(chars, starts[e], ends[e] - starts[e]);
        }
    }

    /** Merge sort of {@code order[from, to)}; insertion sort for short runs, which is nearly every list. */
    private void sort(int from, int to) {
        if (to - from <= 12) {
            for (int i = from + 1; i < to; i++) {
                int v = order[i];
                int j = i - 1;
                while (j >= from && compare(order[j], v) > 0) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        sort(from, mid);
        sort(mid, to);
        if (compare(order[mid - 1], order[mid]) <= 0) {
            return;
        }
        System.arraycopy(order, from, scratch, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && compare(scratch[i], scratch[j]) <= 0)) {
                order[k] = scratch[i++];
            } else {
                order[k] = scratch[j++];
            }
        }
    }

    private int compare(int a, int b) {
        int i = starts[a];
        int endA = ends[a];
        int j = starts[b];
        int endB = ends[b];
        char[] c = chars;
        while (i < endA && j < endB) {
            char x = c[i++];
            char y = c[j++];
            if (x != y) {
                return codePointOrder(x) - codePointOrder(y);
            }
        }
        return (endA - i) - (endB - j);
    }

    /**
     * Maps a UTF-16 unit so that unit order equals code point order: surrogates (U+D800-DFFF, which encode code
     * points above U+FFFF) move above U+E000-FFFF.
     */
    static int codePointOrder(char c) {
        if (c < 0xD800) {
            return c;
        }
        return c <= 0xDFFF ? c + 0x2000 : c - 0x800;
    }
}
