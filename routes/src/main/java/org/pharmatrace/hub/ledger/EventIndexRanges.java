package org.pharmatrace.hub.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Event positions written compactly: a batch usually holds a run of one capture's events, so {@code 0-199} stands
 * for 200 indexes and a capture of a million events costs kilobytes in the outcome records, not megabytes.
 */
final class EventIndexRanges {

    private EventIndexRanges() {
    }

    static String format(Collection<Long> indexes) {
        StringBuilder out = new StringBuilder();
        Long start = null;
        Long previous = null;
        for (long index : new TreeSet<>(indexes)) {
            if (previous != null && index == previous + 1) {
                previous = index;
                continue;
            }
            append(out, start, previous);
            start = index;
            previous = index;
        }
        append(out, start, previous);
        return out.toString();
    }

    static List<long[]> parse(String ranges) {
        List<long[]> parsed = new ArrayList<>();
        if (ranges == null || ranges.isBlank()) {
            return parsed;
        }
        for (String part : ranges.split(",")) {
            int dash = part.indexOf('-');
            long from = Long.parseLong(dash < 0 ? part : part.substring(0, dash));
            long to = dash < 0 ? from : Long.parseLong(part.substring(dash + 1));
            parsed.add(new long[] {from, to});
        }
        return parsed;
    }

    private static void append(StringBuilder out, Long start, Long end) {
        if (start == null) {
            return;
        }
        if (!out.isEmpty()) {
            out.append(',');
        }
        out.append(start);
        if (!end.equals(start)) {
            out.append('-').append(end);
        }
    }
}
