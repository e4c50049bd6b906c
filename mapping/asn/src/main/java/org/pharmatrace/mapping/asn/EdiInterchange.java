package org.pharmatrace.mapping.asn;

import java.util.ArrayList;
import java.util.List;
import org.pharmatrace.mapping.PartnerFormatException;

/**
 * What reading an X12 or EDIFACT interchange of ship notices found: its envelopes, the notices it carries and every
 * problem, located. Acknowledgements ({@link X12FunctionalAck}, {@link EdifactContrl}) are built from it; mappers
 * refuse it while it has errors.
 *
 * @param standard "X12" or "EDIFACT"
 * @param envelope the interchange header, null when not even that could be read
 * @param groups the functional groups (EDIFACT without UNG: one group with null control number), in document order
 * @param errors every problem found, in document order
 * @param complete true when the interchange trailer (IEA, UNZ) was read
 */
public record EdiInterchange(String standard, Envelope envelope, List<FunctionalGroup> groups, List<EdiError> errors,
                             boolean complete) {

    public EdiInterchange {
        groups = List.copyOf(groups);
        errors = List.copyOf(errors);
    }

    /**
     * The interchange header (ISA, UNB) and what an acknowledgement needs to answer it.
     *
     * @param senderQualifier ISA05 or UNB S002 0007 (null when absent)
     * @param senderId ISA06 (trimmed) or UNB S002 0004
     * @param receiverQualifier ISA07 or UNB S003 0007
     * @param receiverId ISA08 (trimmed) or UNB S003 0010
     * @param date ISA09 (YYMMDD) or UNB S004 0017
     * @param time ISA10 (HHMM) or UNB S004 0019
     * @param controlNumber ISA13 or UNB 0020
     * @param version ISA12 (e.g. 00401) or the UNB syntax identifier and version (e.g. UNOC:3)
     * @param usage ISA15 (P, T) or UNB 0035 (1 = test), null when absent
     * @param ackRequested ISA14 = 1 or UNB 0031 = 1
     * @param elementSeparator the delimiters the partner used, to answer in kind
     * @param componentSeparator see above
     * @param segmentTerminator see above
     * @param repetitionSeparator X12 5010 ISA11 / EDIFACT UNA, 0 when none
     * @param lineBreaks true when segments were followed by line breaks
     */
    public record Envelope(String senderQualifier, String senderId, String receiverQualifier, String receiverId,
                           String date, String time, String controlNumber, String version, String usage,
                           boolean ackRequested, char elementSeparator, char componentSeparator,
                           char segmentTerminator, char repetitionSeparator, boolean lineBreaks) {
    }

    /**
     * A functional group (GS/GE, UNG/UNE, or the implicit group of an EDIFACT interchange without UNG).
     *
     * @param functionalId GS01 (e.g. SH), null for EDIFACT
     * @param applicationSender GS02 / UNG sender, null when absent
     * @param applicationReceiver GS03 / UNG recipient
     * @param controlNumber GS06 / UNG 0048, null for an implicit group
     * @param version GS08 (e.g. 004010), null for EDIFACT
     * @param transactions the transaction sets / messages in the group
     * @param complete true when the group trailer was read (always true for an implicit group)
     */
    public record FunctionalGroup(String functionalId, String applicationSender, String applicationReceiver,
                                  String controlNumber, String version, List<Transaction> transactions,
                                  boolean complete) {
        public FunctionalGroup {
            transactions = List.copyOf(transactions);
        }
    }

    /**
     * One transaction set (ST/SE) or message (UNH/UNT).
     *
     * @param type ST01 (856) or the message type (DESADV)
     * @param controlNumber ST02 / UNH 0062
     * @param version ST03 or GS08 for X12; "D:96A:UN:EAN005" style for EDIFACT
     * @param notice the ship notice read from it, null when it could not be read
     * @param complete true when its trailer (SE, UNT) was read
     */
    public record Transaction(String type, String controlNumber, String version, AdvanceShipNotice notice,
                              boolean complete) {
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The errors in one transaction (its envelope included). */
    public List<EdiError> errorsIn(FunctionalGroup group, Transaction transaction) {
        List<EdiError> found = new ArrayList<>();
        for (EdiError e : errors) {
            if (transaction.controlNumber() != null && transaction.controlNumber().equals(e.transactionControlNumber())
                    && sameGroup(group, e)) {
                found.add(e);
            }
        }
        return found;
    }

    /** The errors in a group's own envelope (GS/GE, UNG/UNE). */
    public List<EdiError> groupErrors(FunctionalGroup group) {
        List<EdiError> found = new ArrayList<>();
        for (EdiError e : errors) {
            if (e.scope() == EdiError.Scope.GROUP && sameGroup(group, e)) {
                found.add(e);
            }
        }
        return found;
    }

    /** The errors of the interchange itself: its envelope, or the file as a whole. */
    public List<EdiError> interchangeErrors() {
        return errors.stream().filter(e -> e.scope() == EdiError.Scope.INTERCHANGE).toList();
    }

    /** All ship notices read, in document order. */
    public List<AdvanceShipNotice> notices() {
        List<AdvanceShipNotice> notices = new ArrayList<>();
        for (FunctionalGroup g : groups) {
            for (Transaction t : g.transactions()) {
                if (t.notice() != null) {
                    notices.add(t.notice());
                }
            }
        }
        return notices;
    }

    /** The same interchange with more errors (found after reading, e.g. by the mapping). */
    public EdiInterchange withErrors(List<EdiError> more) {
        List<EdiError> all = new ArrayList<>(errors);
        all.addAll(more);
        return new EdiInterchange(standard, envelope, groups, all, complete);
    }

    /**
     * The interchange as an acknowledgement must see it after a refusal: this module's own refusal carries the
     * interchange with its located errors; a refusal from elsewhere (e.g. the mapped events failed EPCIS validation)
     * rejects every transaction set with its reason.
     */
    public EdiInterchange rejectedBy(PartnerFormatException failure) {
        if (failure instanceof AsnFormatException refusal && refusal.interchange() != null) {
            return refusal.interchange();
        }
        List<EdiError> rejections = new ArrayList<>();
        for (FunctionalGroup g : groups) {
            for (Transaction t : g.transactions()) {
                rejections.add(new EdiError(AsnErrorCode.MAPPING_FAILED, failure.getMessage(), EdiError.Scope.TRANSACTION,
                        g.controlNumber(), t.controlNumber(), null, 0, 0, 0, null, null, -1));
            }
        }
        if (rejections.isEmpty()) {
            rejections.add(EdiError.ofDocument(AsnErrorCode.MAPPING_FAILED, failure.getMessage(), -1));
        }
        return withErrors(rejections);
    }

    /** The first error as an exception, for callers that map or fail. */
    public AsnFormatException toException() {
        if (errors.isEmpty()) {
            throw new IllegalStateException("interchange has no errors");
        }
        return new AsnFormatException(this, errors);
    }

    private static boolean sameGroup(FunctionalGroup group, EdiError e) {
        return group.controlNumber() == null ? e.groupControlNumber() == null
                : group.controlNumber().equals(e.groupControlNumber());
    }
}
