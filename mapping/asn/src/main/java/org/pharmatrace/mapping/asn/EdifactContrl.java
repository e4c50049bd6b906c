package org.pharmatrace.mapping.asn;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pharmatrace.mapping.PartnerFormatException;
import org.pharmatrace.mapping.asn.EdiError.Scope;
import org.pharmatrace.mapping.asn.EdiInterchange.Envelope;
import org.pharmatrace.mapping.asn.EdiInterchange.FunctionalGroup;
import org.pharmatrace.mapping.asn.EdiInterchange.Transaction;

/**
 * The EDIFACT syntax and service report (CONTRL) for a despatch-advice interchange, addressed back to the sender:
 * UCI for the interchange (action 7 = acknowledged, 4 = rejected), one UCM per message, and for each segment in
 * error a UCS with its position and UCDs naming the elements. Like the X12 acknowledgement it accepts or rejects
 * the interchange as a whole, because the hub maps it all or nothing.
 */
public final class EdifactContrl {

    private final EdiInterchange interchange;

    private EdifactContrl(EdiInterchange interchange) {
        this.interchange = interchange;
    }

    /**
     * Acknowledges an interchange as read (and mapped): accepted when it has no errors.
     *
     * @throws IllegalArgumentException when it is not EDIFACT or its UNB could not be read
     */
    public static EdifactContrl of(EdiInterchange interchange) {
        Objects.requireNonNull(interchange, "interchange");
        if (!"EDIFACT".equals(interchange.standard()) || interchange.envelope() == null) {
            throw new IllegalArgumentException("no EDIFACT interchange header was read, so there is no one to acknowledge to");
        }
        return new EdifactContrl(interchange);
    }

    /** Acknowledges the interchange a mapping refused. */
    public static EdifactContrl of(AsnFormatException refusal) {
        if (refusal.interchange() == null) {
            throw new IllegalArgumentException("the refusal carries no interchange to acknowledge");
        }
        return of(refusal.interchange());
    }

    /** Rejects an interchange for a reason found outside this module: every message is rejected. */
    public static EdifactContrl rejecting(EdiInterchange interchange, PartnerFormatException failure) {
        return of(interchange.rejectedBy(failure));
    }

    public boolean accepted() {
        return !interchange.hasErrors();
    }

    /**
     * Renders the CONTRL interchange.
     *
     * @param reference the hub's interchange control reference for the reply (UNB 0020), 1 to 14 characters
     * @param now the time to stamp on the envelope
     */
    public String render(String reference, LocalDateTime now) {
        if (reference == null || reference.isEmpty() || reference.length() > 14) {
            throw new IllegalArgumentException("interchange reference must be 1 to 14 characters, was '" + reference + "'");
        }
        Envelope in = interchange.envelope();
        char release = '?';
        SegmentWriter w = new SegmentWriter(in.elementSeparator(), in.componentSeparator(), in.segmentTerminator(),
                release, in.lineBreaks());
        StringBuilder out = new StringBuilder();
        if (in.elementSeparator() != '+' || in.componentSeparator() != ':' || in.segmentTerminator() != '\'') {
            out.append("UNA").append(in.componentSeparator()).append(in.elementSeparator()).append(".? ")
                    .append(in.segmentTerminator()).append(in.lineBreaks() ? "\n" : "");
        }
        String[] syntax = (in.version() == null ? "UNOA:3" : in.version()).split(":");
        boolean v4 = syntax.length > 1 && syntax[1].compareTo("4") >= 0;
        w.segment("UNB", w.composite(syntax[0], syntax.length > 1 ? syntax[1] : "3"),
                w.composite(w.quote(in.receiverId(), 35), in.receiverQualifier()),
                w.composite(w.quote(in.senderId(), 35), in.senderQualifier()),
                w.composite(now.format(DateTimeFormatter.ofPattern(v4 ? "yyyyMMdd" : "yyMMdd")),
                        now.format(DateTimeFormatter.ofPattern("HHmm"))),
                w.quote(reference, 14));
        w.resetCount();
        w.segment("UNH", "1", w.composite("CONTRL", "D", "3", "UN", eancom() ? "EAN002" : null));

        boolean accepted = accepted();
        List<String> uci = new ArrayList<>(List.of(w.quote(in.controlNumber(), 14),
                w.composite(w.quote(in.senderId(), 35), in.senderQualifier()),
                w.composite(w.quote(in.receiverId(), 35), in.receiverQualifier()),
                accepted ? "7" : "4"));
        List<EdiError> interchangeErrors = interchange.interchangeErrors();
        if (!interchangeErrors.isEmpty()) {
            EdiError e = interchangeErrors.get(0);
            boolean truncated = e.code() == AsnErrorCode.TRUNCATED;
            uci.add(truncated ? "13" : e.code().edifactCode());
            uci.add(truncated ? "UNZ" : e.segmentTag());
            uci.add(e.elementPosition() > 0 ? w.composite(String.valueOf(e.elementPosition()),
                    e.componentPosition() > 0 ? String.valueOf(e.componentPosition()) : null) : null);
        }
        w.segment("UCI", uci.toArray(String[]::new));

        for (FunctionalGroup g : interchange.groups()) {
            for (Transaction t : g.transactions()) {
                writeMessageReport(w, g, t, accepted);
            }
        }
        w.segment("UNT", String.valueOf(w.count() + 1), "1");
        w.segment("UNZ", "1", w.quote(reference, 14));
        return out.append(w).toString();
    }

    private void writeMessageReport(SegmentWriter w, FunctionalGroup g, Transaction t, boolean accepted) {
        List<EdiError> errors = interchange.errorsIn(g, t);
        List<String> ucm = new ArrayList<>();
        ucm.add(w.quote(t.controlNumber(), 14));
        String[] version = t.version() == null ? new String[0] : t.version().split(":");
        String[] identifier = new String[1 + version.length];
        identifier[0] = t.type() == null ? "DESADV" : t.type();
        System.arraycopy(version, 0, identifier, 1, version.length);
        ucm.add(w.composite(identifier));
        ucm.add(accepted ? "7" : "4");
        EdiError envelopeError = errors.stream().filter(e -> e.scope() == Scope.TRANSACTION).findFirst().orElse(null);
        if (envelopeError != null) {
            ucm.add(envelopeError.code().edifactCode());
            ucm.add(envelopeError.segmentTag());
            ucm.add(envelopeError.elementPosition() > 0 ? String.valueOf(envelopeError.elementPosition()) : null);
        } else if (!t.complete()) {
            ucm.add("13");
            ucm.add("UNT");
        }
        w.segment("UCM", ucm.toArray(String[]::new));

        Map<Integer, List<EdiError>> bySegment = new LinkedHashMap<>();
        for (EdiError e : errors) {
            if (e.scope() == Scope.SEGMENT && e.segmentPosition() > 0) {
                bySegment.computeIfAbsent(e.segmentPosition(), k -> new ArrayList<>()).add(e);
            }
        }
        for (Map.Entry<Integer, List<EdiError>> segment : bySegment.entrySet()) {
            EdiError segmentLevel = segment.getValue().stream().filter(e -> e.elementPosition() == 0).findFirst().orElse(null);
            w.segment("UCS", String.valueOf(segment.getKey()), segmentLevel == null ? null : segmentLevel.code().edifactCode());
            for (EdiError e : segment.getValue()) {
                if (e.elementPosition() > 0) {
                    w.segment("UCD", e.code().edifactCode(), w.composite(String.valueOf(e.elementPosition()),
                            e.componentPosition() > 0 ? String.valueOf(e.componentPosition()) : null));
                }
            }
        }
    }

    /** EANCOM partners get EANCOM's CONTRL (association code EAN002). */
    private boolean eancom() {
        return interchange.groups().stream().flatMap(g -> g.transactions().stream())
                .anyMatch(t -> t.version() != null && t.version().contains(":EAN"));
    }

    @Override
    public String toString() {
        return "EdifactContrl[" + (accepted() ? "accepted" : "rejected: " + interchange.errors().size() + " errors") + "]";
    }
}
