package org.pharmatrace.mapping.asn;

import java.util.ArrayList;
import java.util.List;

/** One segment as read, its elements and components held as text, for the builders of ship notices. */
final class EdiSegment {

    private final String tag;
    private final int position;
    private final String transaction;
    /** Element position - 1 → component position - 1 → value (a simple element has one component). */
    private final List<List<String>> values = new ArrayList<>();
    private final List<List<String>> references = new ArrayList<>();

    EdiSegment(String tag, int position, String transaction) {
        this.tag = tag;
        this.position = position;
        this.transaction = transaction;
    }

    String tag() {
        return tag;
    }

    int position() {
        return position;
    }

    void put(int element, int component, String value, String reference) {
        int e = element - 1;
        int c = Math.max(component, 1) - 1;
        while (values.size() <= e) {
            values.add(new ArrayList<>());
            references.add(new ArrayList<>());
        }
        List<String> comps = values.get(e);
        List<String> refs = references.get(e);
        while (comps.size() <= c) {
            comps.add(null);
            refs.add(null);
        }
        comps.set(c, value);
        refs.set(c, reference);
    }

    /** The (first component of the) element at a 1-based position, null when absent or empty. */
    String element(int element) {
        return component(element, 1);
    }

    /** A component (1-based) of an element (1-based), null when absent or empty. */
    String component(int element, int component) {
        if (element < 1 || element > values.size()) {
            return null;
        }
        List<String> comps = values.get(element - 1);
        if (component < 1 || component > comps.size()) {
            return null;
        }
        String v = comps.get(component - 1);
        return v == null || v.isEmpty() ? null : v;
    }

    int elementCount() {
        return values.size();
    }

    /** The segment as a whole, for an error about it. */
    SegmentRef ref() {
        return new SegmentRef(transaction, tag, position, 0, 0, null);
    }

    /** One element of the segment, for an error about its value. */
    SegmentRef ref(int element) {
        return ref(element, 0);
    }

    /** One component of a composite element. */
    SegmentRef ref(int element, int component) {
        String reference = null;
        if (element >= 1 && element <= references.size()) {
            List<String> refs = references.get(element - 1);
            int c = Math.max(component, 1) - 1;
            reference = c < refs.size() ? refs.get(c) : null;
        }
        return new SegmentRef(transaction, tag, position, element, component, reference);
    }

    @Override
    public String toString() {
        return tag + "@" + position + values;
    }
}
