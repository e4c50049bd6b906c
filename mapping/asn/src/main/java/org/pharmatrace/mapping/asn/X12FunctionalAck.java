package org.pharmatrace.mapping.asn;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.pharmatrace.mapping.PartnerFormatException;
import org.pharmatrace.mapping.PartnerProfile;
import org.pharmatrace.mapping.asn.EdiError.Scope;
import org.pharmatrace.mapping.asn.EdiInterchange.Envelope;
import org.pharmatrace.mapping.asn.EdiInterchange.FunctionalGroup;
import org.pharmatrace.mapping.asn.EdiInterchange.Transaction;

/**
 * The X12 functional acknowledgement of a ship-notice interchange: a 997 (or a 999, 005010X231A1) per functional
 * group, in an interchange addressed back to the sender, with a TA1 when the interchange envelope itself is in error
 * or the sender asked for one (ISA14 = 1).
 *
 * <p>The hub maps an interchange all or nothing, so the acknowledgement accepts everything (AK5/AK9 "A") or rejects
 * everything ("R"); the transaction sets and segments in error carry AK3/AK4 (IK3/IK4) and AK5 codes naming them.
 */
public final class X12FunctionalAck {

    /** Which acknowledgement transaction set to send. */
    public enum Kind {
        /** 997 Functional Acknowledgment. */
        X12_997,
        /** 999 Implementation Acknowledgment (005010X231A1); sent only for 005010 groups, a 997 otherwise. */
        X12_999
    }

    private static final String IMPLEMENTATION_999 = "005010X231A1";

    private final EdiInterchange interchange;

    private X12FunctionalAck(EdiInterchange interchange) {
        this.interchange = interchange;
    }

    /**
     * Acknowledges an interchange as read (and mapped): accepted when it has no errors.
     *
     * @throws IllegalArgumentException when it is not X12 or its ISA could not be read (there is no one to answer)
     */
    public static X12FunctionalAck of(EdiInterchange interchange) {
        Objects.requireNonNull(interchange, "interchange");
        if (!"X12".equals(interchange.standard()) || interchange.envelope() == null) {
            throw new IllegalArgumentException("no X12 interchange header was read, so there is no one to acknowledge to");
        }
        return new X12FunctionalAck(interchange);
    }

    /** Acknowledges the interchange a mapping refused. */
    public static X12FunctionalAck of(AsnFormatException refusal) {
        if (refusal.interchange() == null) {
            throw new IllegalArgumentException("the refusal carries no interchange to acknowledge");
        }
        return of(refusal.interchange());
    }

    /**
     * Rejects an interchange for a reason found outside this module (e.g. the mapped events failed EPCIS
     * validation): every transaction set is rejected with AK5 code 5 unless the failure already is this module's.
     */
    public static X12FunctionalAck rejecting(EdiInterchange interchange, PartnerFormatException failure) {
        return of(interchange.rejectedBy(failure));
    }

    /** True when the acknowledgement accepts the interchange. */
    public boolean accepted() {
        return !interchange.hasErrors();
    }

    /** The acknowledgement kind a partner's profile asks for (convention {@code x12.ackType}, default 997). */
    public static Kind kindFor(PartnerProfile profile) {
        return "999".equals(AsnConventions.choice(profile, AsnConventions.X12_ACK_TYPE, "997", "997", "999"))
                ? Kind.X12_999 : Kind.X12_997;
    }

    /**
     * Renders the acknowledgement interchange.
     *
     * @param controlNumber the hub's next interchange control number (ISA13, also used as GS06), 1 to 999999999
     * @param now the time to stamp on the envelopes (the hub's local time)
     */
    public String render(Kind kind, long controlNumber, LocalDateTime now) {
        if (controlNumber < 1 || controlNumber > 999_999_999L) {
            throw new IllegalArgumentException("control number must be 1 to 999999999, was " + controlNumber);
        }
        Envelope in = interchange.envelope();
        SegmentWriter w = new SegmentWriter(in.elementSeparator(), in.componentSeparator(), in.segmentTerminator(),
                (char) 0, in.lineBreaks());
        String version = in.version() == null ? "00401" : in.version();
        boolean repetitionField = version.compareTo("00402") >= 0;
        String control9 = String.format("%09d", controlNumber);
        w.segment("ISA", "00", pad("", 10), "00", pad("", 10),
                orDefault(in.receiverQualifier(), "ZZ"), pad(in.receiverId(), 15),
                orDefault(in.senderQualifier(), "ZZ"), pad(in.senderId(), 15),
                now.format(DateTimeFormatter.ofPattern("yyMMdd")), now.format(DateTimeFormatter.ofPattern("HHmm")),
                repetitionField ? String.valueOf(in.repetitionSeparator() == 0 ? '^' : in.repetitionSeparator()) : "U",
                version, control9, "0", orDefault(in.usage(), "P"), String.valueOf(in.componentSeparator()));

        List<EdiError> interchangeErrors = interchange.interchangeErrors();
        if (!interchangeErrors.isEmpty() || in.ackRequested()) {
            String note = interchangeErrors.stream().map(e -> e.code().ta1NoteCode()).filter(Objects::nonNull)
                    .findFirst().orElse(interchangeErrors.isEmpty() ? "000" : "022");
            w.segment("TA1", in.controlNumber(), in.date(), in.time(), interchangeErrors.isEmpty() ? "A" : "R",
                    interchangeErrors.isEmpty() ? "000" : note);
        }

        int groups = 0;
        List<FunctionalGroup> received = interchange.groups();
        if (!received.isEmpty()) {
            boolean as999 = kind == Kind.X12_999 && received.stream()
                    .allMatch(g -> g.version() != null && g.version().startsWith("00501"));
            String groupVersion = as999 ? IMPLEMENTATION_999 : orDefault(received.get(0).version(), "004010");
            w.segment("GS", "FA", orDefault(received.get(0).applicationReceiver(), in.receiverId()),
                    orDefault(received.get(0).applicationSender(), in.senderId()),
                    now.format(DateTimeFormatter.ofPattern("yyyyMMdd")), now.format(DateTimeFormatter.ofPattern("HHmm")),
                    String.valueOf(controlNumber), "X", groupVersion);
            int setNumber = 0;
            for (FunctionalGroup g : received) {
                writeAcknowledgement(w, g, ++setNumber, as999);
            }
            w.segment("GE", String.valueOf(setNumber), String.valueOf(controlNumber));
            groups = 1;
        }
        w.segment("IEA", String.valueOf(groups), control9);
        return w.toString();
    }

    /** One 997/999 transaction set answering one received functional group. */
    private void writeAcknowledgement(SegmentWriter w, FunctionalGroup g, int setNumber, boolean as999) {
        String st02 = String.format("%04d", setNumber);
        w.resetCount();
        boolean v5010 = g.version() != null && g.version().compareTo("005010") >= 0;
        if (as999) {
            w.segment("ST", "999", st02, IMPLEMENTATION_999);
        } else {
            w.segment("ST", "997", st02);
        }
        w.segment("AK1", orDefault(g.functionalId(), "SH"), orDefault(g.controlNumber(), "0"), v5010 ? g.version() : null);
        boolean accepted = accepted();
        int acceptedSets = 0;
        for (Transaction t : g.transactions()) {
            List<EdiError> errors = interchange.errorsIn(g, t);
            w.segment("AK2", orDefault(t.type(), "856"), orDefault(t.controlNumber(), "0"),
                    v5010 && t.version() != null && !t.version().equals(g.version()) ? t.version() : null);
            Set<String> setCodes = new LinkedHashSet<>();
            Map<String, List<EdiError>> bySegment = new LinkedHashMap<>();
            for (EdiError e : errors) {
                if (e.scope() == Scope.SEGMENT && e.segmentTag() != null) {
                    bySegment.computeIfAbsent(e.segmentTag() + "@" + e.segmentPosition(), k -> new ArrayList<>()).add(e);
                    setCodes.add("5");
                } else if (e.code().x12TransactionCode() != null) {
                    setCodes.add(e.code().x12TransactionCode());
                }
            }
            if (!t.complete()) {
                setCodes.add("2");
            }
            for (List<EdiError> segmentErrors : bySegment.values()) {
                EdiError first = segmentErrors.get(0);
                String segmentCode = segmentErrors.stream().map(e -> e.code().x12SegmentCode()).filter(Objects::nonNull)
                        .filter(c -> !"8".equals(c)).findFirst().orElse("8");
                w.segment(as999 ? "IK3" : "AK3", first.segmentTag(), String.valueOf(first.segmentPosition()), null,
                        segmentCode);
                for (EdiError e : segmentErrors) {
                    if (e.elementPosition() > 0 && e.code().x12ElementCode() != null) {
                        String position = e.componentPosition() > 0
                                ? w.composite(String.valueOf(e.elementPosition()), String.valueOf(e.componentPosition()))
                                : String.valueOf(e.elementPosition());
                        w.segment(as999 ? "IK4" : "AK4", position, numericReference(e.elementReference()),
                                e.code().x12ElementCode(), w.quote(e.badData(), 99));
                    }
                }
            }
            List<String> codes = setCodes.stream().limit(5).toList();
            String[] ak5 = new String[1 + codes.size()];
            ak5[0] = accepted ? "A" : "R";
            for (int i = 0; i < codes.size(); i++) {
                ak5[i + 1] = codes.get(i);
            }
            w.segment(as999 ? "IK5" : "AK5", ak5);
            if (accepted) {
                acceptedSets++;
            }
        }
        Set<String> groupCodes = new LinkedHashSet<>();
        for (EdiError e : interchange.groupErrors(g)) {
            if (e.code().x12GroupCode() != null) {
                groupCodes.add(e.code().x12GroupCode());
            }
        }
        if (!g.complete()) {
            groupCodes.add("3");
        }
        List<String> codes = groupCodes.stream().limit(5).toList();
        String[] ak9 = new String[4 + codes.size()];
        ak9[0] = accepted ? "A" : "R";
        ak9[1] = String.valueOf(g.transactions().size());
        ak9[2] = String.valueOf(g.transactions().size());
        ak9[3] = String.valueOf(acceptedSets);
        for (int i = 0; i < codes.size(); i++) {
            ak9[4 + i] = codes.get(i);
        }
        w.segment("AK9", ak9);
        w.segment("SE", String.valueOf(w.count() + 1), st02);
    }

    /** AK4-02 is the X12 element number; StAEDI's codes for elements without one (composites, "any") are left out. */
    private static String numericReference(String reference) {
        return reference != null && !reference.isEmpty() && reference.chars().allMatch(Character::isDigit) ? reference : null;
    }

    private static String pad(String value, int length) {
        String v = value == null ? "" : value;
        return v.length() >= length ? v.substring(0, length) : v + " ".repeat(length - v.length());
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    @Override
    public String toString() {
        return "X12FunctionalAck[" + (accepted() ? "accepted" : "rejected: " + interchange.errors().size() + " errors") + "]";
    }
}
