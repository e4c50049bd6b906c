package org.pharmatrace.mapping.asn;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The packing hierarchy of a ship notice as its builders collect it (X12 HL loops, EDIFACT CPS groups), turned into
 * containers and loose items. A level without an SSCC is transparent: what it holds goes to the nearest identified
 * container above it, since the notice gives no identifier to aggregate to.
 */
final class PackingHierarchy {

    /** One HL loop or CPS group. */
    static final class Level {
        final String id;
        final SegmentRef source;
        String packaging;
        final List<String> ssccs = new ArrayList<>();
        final List<SegmentRef> ssccSources = new ArrayList<>();
        final List<Line> lines = new ArrayList<>();
        final List<Level> children = new ArrayList<>();

        Level(String id, String packaging, SegmentRef source) {
            this.id = id;
            this.packaging = packaging;
            this.source = source;
        }

        void addSscc(String sscc, SegmentRef from) {
            // some partners send the SSCC with its application identifier (00) in front
            ssccs.add(sscc.length() == 20 && sscc.startsWith("00") ? sscc.substring(2) : sscc);
            ssccSources.add(from);
        }
    }

    /** One line (LIN) and what follows it. */
    static final class Line {
        final SegmentRef source;
        final SegmentRef productSource;
        ProductId product;
        String lot;
        LocalDate expiry;
        BigDecimal quantity;
        String unit;
        SegmentRef quantitySource;
        final List<String> serials = new ArrayList<>();

        Line(SegmentRef source, SegmentRef productSource) {
            this.source = source;
            this.productSource = productSource;
        }

        ShippedItem toItem() {
            return new ShippedItem(product, lot, expiry, quantity, unit, serials, source, quantitySource);
        }
    }

    /** What the hierarchy comes to: the top-level containers and the lines in none. */
    record Result(List<ShippingContainer> containers, List<ShippedItem> looseItems) {
    }

    private final List<Draft> top = new ArrayList<>();
    private final List<ShippedItem> loose = new ArrayList<>();
    private final List<EdiError> errors;
    private final String productHint;

    private PackingHierarchy(List<EdiError> errors, String productHint) {
        this.errors = errors;
        this.productHint = productHint;
    }

    /**
     * @param looseLines lines outside any level (EDIFACT LIN before any CPS)
     * @param productHint what to tell a partner whose line names no product the hub can use
     */
    static Result build(List<Level> roots, List<Line> looseLines, List<EdiError> errors, String productHint) {
        PackingHierarchy h = new PackingHierarchy(errors, productHint);
        for (Line line : looseLines) {
            h.addLine(line, null);
        }
        for (Level root : roots) {
            h.place(root, null);
        }
        return new Result(h.top.stream().map(Draft::freeze).toList(), List.copyOf(h.loose));
    }

    private void place(Level level, Draft into) {
        Draft here = into;
        if (level.ssccs.size() == 1) {
            here = new Draft(level.ssccs.get(0), level.packaging, level.ssccSources.get(0));
            (into == null ? top : into.children).add(here);
        } else if (level.ssccs.size() > 1) {
            if (!level.lines.isEmpty() || !level.children.isEmpty()) {
                errors.add(EdiError.at(level.ssccSources.get(1), AsnErrorCode.AMBIGUOUS_PACKAGING, "level " + level.id
                        + " names " + level.ssccs.size() + " SSCCs and has contents: which SSCC holds what cannot be"
                        + " told; send one level per container", level.ssccs.get(1)));
            }
            for (int i = 0; i < level.ssccs.size(); i++) {
                (into == null ? top : into.children).add(new Draft(level.ssccs.get(i), level.packaging, level.ssccSources.get(i)));
            }
        }
        for (Line line : level.lines) {
            addLine(line, here);
        }
        for (Level child : level.children) {
            place(child, here);
        }
    }

    private void addLine(Line line, Draft into) {
        if (line.product == null) {
            errors.add(EdiError.at(line.productSource, AsnErrorCode.MISSING_PRODUCT, "the line names no product the"
                    + " hub can identify: " + productHint, null));
            return;
        }
        (into == null ? loose : into.items).add(line.toItem());
    }

    /** A container as built, before it is frozen. */
    private static final class Draft {
        final String sscc;
        final String packaging;
        final SegmentRef source;
        final List<Draft> children = new ArrayList<>();
        final List<ShippedItem> items = new ArrayList<>();

        Draft(String sscc, String packaging, SegmentRef source) {
            this.sscc = sscc;
            this.packaging = packaging;
            this.source = source;
        }

        ShippingContainer freeze() {
            return new ShippingContainer(sscc, packaging, children.stream().map(Draft::freeze).toList(), items, source);
        }
    }
}
