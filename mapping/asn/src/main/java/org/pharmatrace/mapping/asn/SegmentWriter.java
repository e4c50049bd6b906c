package org.pharmatrace.mapping.asn;

/**
 * Writes the segments of an acknowledgement with the partner's own delimiters, counting them for the trailer
 * (SE01, UNT 0074). Quoted data is escaped with EDIFACT's release character; X12 has none, so there delimiters
 * in quoted data are replaced (an acknowledgement only quotes bad data for a human to read).
 */
final class SegmentWriter {

    private final StringBuilder out = new StringBuilder();
    private final char element;
    private final char component;
    private final char terminator;
    private final char release;
    private final String lineBreak;
    private int counted;

    /** @param release the release (escape) character, 0 when the syntax has none */
    SegmentWriter(char element, char component, char terminator, char release, boolean lineBreaks) {
        this.element = element;
        this.component = component;
        this.terminator = terminator;
        this.release = release;
        this.lineBreak = lineBreaks ? "\n" : "";
    }

    /** Writes a segment; trailing empty elements are dropped, as both standards require. */
    SegmentWriter segment(String tag, String... elements) {
        int last = elements.length - 1;
        while (last >= 0 && (elements[last] == null || elements[last].isEmpty())) {
            last--;
        }
        out.append(tag);
        for (int i = 0; i <= last; i++) {
            out.append(element).append(elements[i] == null ? "" : elements[i]);
        }
        out.append(terminator).append(lineBreak);
        counted++;
        return this;
    }

    /** A composite value from components, trailing empty ones dropped. */
    String composite(String... components) {
        int last = components.length - 1;
        while (last >= 0 && (components[last] == null || components[last].isEmpty())) {
            last--;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i <= last; i++) {
            if (i > 0) {
                s.append(component);
            }
            s.append(components[i] == null ? "" : components[i]);
        }
        return s.toString();
    }

    /** Data quoted back to the partner: characters outside printable ASCII become '?', delimiters are escaped or replaced. */
    String quote(String value, int maxLength) {
        if (value == null) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < value.length() && s.length() < maxLength; i++) {
            char c = value.charAt(i);
            boolean delimiter = c == element || c == component || c == terminator || (release != 0 && c == release);
            if (c < 0x20 || c > 0x7E) {
                s.append(release != 0 && release == '?' ? "??" : "?");
            } else if (!delimiter) {
                s.append(c);
            } else if (release != 0) {
                s.append(release).append(c);
            } else {
                s.append('?');
            }
        }
        return s.toString();
    }

    void resetCount() {
        counted = 0;
    }

    int count() {
        return counted;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
