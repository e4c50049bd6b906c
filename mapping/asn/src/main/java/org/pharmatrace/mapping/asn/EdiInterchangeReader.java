package org.pharmatrace.mapping.asn;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pharmatrace.mapping.PartnerProfile;
import org.pharmatrace.mapping.asn.EdiError.Scope;
import org.pharmatrace.mapping.asn.EdiInterchange.Envelope;
import org.pharmatrace.mapping.asn.EdiInterchange.FunctionalGroup;
import org.pharmatrace.mapping.asn.EdiInterchange.Transaction;

/**
 * Reads one X12 or EDIFACT interchange with StAEDI against the hub's schemas, collecting every structural error
 * with its location, and hands the segments of each transaction to a builder of ship notices. The standard-specific
 * parts (schemas, envelope fields, character rules, builders) are the subclasses'.
 */
abstract class EdiInterchangeReader {

    /** Builds one ship notice from the segments between a transaction's header and trailer. */
    interface NoticeBuilder {
        void segment(EdiSegment segment, List<EdiError> errors);

        /** The notice, or null when the transaction held nothing usable; may add errors. */
        AdvanceShipNotice build(List<EdiError> errors);
    }

    private static final EDIInputFactory INPUT_FACTORY = newInputFactory();

    protected final PartnerProfile profile;

    EdiInterchangeReader(PartnerProfile profile) {
        this.profile = profile;
    }

    abstract String standard();

    abstract Schema controlSchema();

    /**
     * How to decode the document and which characters its element data may hold; may record errors (e.g. a
     * UTF-8 document that is not valid UTF-8).
     */
    abstract TextRules textRules(byte[] document, List<EdiError> errors);

    /** A charset to decode with, the characters element data may hold, and their name for error messages. */
    record TextRules(Charset charset, java.util.function.IntPredicate allowed, String description) {
    }

    /** The segment terminator declared by the interchange header, or 0 when it cannot be told. */
    abstract char segmentTerminator(String documentStart);

    abstract Envelope envelope(EdiSegment header, Map<String, Character> delimiters, boolean lineBreaks);

    abstract FunctionalGroup group(EdiSegment header, List<Transaction> transactions, boolean complete);

    /** Control number of a transaction from its header segment (ST02, UNH 0062). */
    abstract String transactionControlNumber(EdiSegment header);

    abstract String transactionType(EdiSegment header);

    abstract String transactionVersion(EdiSegment header, EdiSegment groupHeader);

    /**
     * The schema and builder for a transaction, or null when the hub does not take this transaction type or version;
     * then an error is added.
     */
    abstract Support support(EdiSegment header, String version, List<EdiError> errors);

    record Support(Schema schema, NoticeBuilder builder) {
    }

    /** Reads the whole interchange; content problems become errors of the result, never exceptions. */
    EdiInterchange read(InputStream document) {
        long max = AsnConventions.maxBytes(profile);
        List<EdiError> errors = new ArrayList<>();
        byte[] bytes = readAtMost(document, max);
        boolean tooLarge = bytes.length > max;
        if (tooLarge) {
            errors.add(EdiError.ofDocument(AsnErrorCode.DOCUMENT_TOO_LARGE, "the document is larger than the "
                    + max + " bytes accepted from this partner (convention " + AsnConventions.MAX_BYTES + ")", max));
        }
        bytes = withoutByteOrderMark(bytes);
        if (bytes.length == 0) {
            errors.add(EdiError.ofDocument(AsnErrorCode.NOT_EDI, "the document is empty", 0));
            return new EdiInterchange(standard(), null, List.of(), errors, false);
        }
        TextRules rules = textRules(bytes, errors);
        String start = new String(bytes, 0, Math.min(bytes.length, 512), rules.charset());
        char terminator = segmentTerminator(start);
        int firstEnd = terminator == 0 ? -1 : start.indexOf(terminator, start.startsWith("UNA") ? 9 : 0);
        boolean lineBreaks = firstEnd >= 0 && firstEnd + 1 < start.length()
                && (start.charAt(firstEnd + 1) == '\n' || start.charAt(firstEnd + 1) == '\r');
        if (!tooLarge) {
            bytes = withFinalTerminator(bytes, rules.charset());
        }
        return new Parse(errors, tooLarge, rules, lineBreaks).run(bytes, rules.charset());
    }

    /** The mutable state of one parse. */
    private final class Parse {
        private final List<EdiError> errors;
        private final boolean envelopeOnly;
        private final List<FunctionalGroup> groups = new ArrayList<>();
        private final List<EdiError> pending = new ArrayList<>();

        private Envelope envelope;
        private boolean interchangeComplete;
        private int unaOffset;
        private EdiSegment groupHeader;
        private String groupControl;
        private boolean implicitGroup;
        private List<Transaction> transactions;
        private EdiSegment transactionHeader;
        private String transactionControl;
        private int transactionStart;
        private NoticeBuilder builder;
        private EdiSegment segment;
        private EdiSegment lastSegment;

        private final TextRules rules;
        private final boolean lineBreaks;

        Parse(List<EdiError> errors, boolean envelopeOnly, TextRules rules, boolean lineBreaks) {
            this.errors = errors;
            this.envelopeOnly = envelopeOnly;
            this.rules = rules;
            this.lineBreaks = lineBreaks;
        }

        EdiInterchange run(byte[] bytes, Charset charset) {
            boolean started = false;
            try (InputStream in = new ByteArrayInputStream(bytes)) {
                EDIStreamReader reader = INPUT_FACTORY.createEDIStreamReader(in, charset.name());
                try {
                    while (reader.hasNext()) {
                        EDIStreamEvent event = reader.next();
                        if (event == EDIStreamEvent.START_INTERCHANGE) {
                            if (!standard().equals(reader.getStandard())) {
                                errors.add(EdiError.ofDocument(AsnErrorCode.NOT_EDI, "the document is an interchange in "
                                        + reader.getStandard() + ", not " + standard(), 0));
                                break;
                            }
                            started = true;
                            reader.setControlSchema(controlSchema());
                        }
                        if (!handle(reader, event)) {
                            break;
                        }
                    }
                } finally {
                    reader.close();
                }
            } catch (EDIStreamException | RuntimeException e) {
                streamFailed(e, started, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            closeOpenEnvelopes();
            return new EdiInterchange(standard(), envelope, groups, errors, interchangeComplete);
        }

        /** @return false to stop reading */
        private boolean handle(EDIStreamReader reader, EDIStreamEvent event) throws EDIStreamException {
            Location at = reader.getLocation();
            switch (event) {
                case START_SEGMENT -> {
                    String tag = reader.getText();
                    if ("UNA".equals(tag)) {
                        unaOffset = 1;
                    }
                    int pos = transactionHeader != null ? at.getSegmentPosition() - transactionStart + 1
                            : at.getSegmentPosition() - unaOffset;
                    segment = new EdiSegment(tag, pos, transactionHeader != null ? transactionControl : null);
                }
                case ELEMENT_DATA -> {
                    if (segment != null && at.getElementOccurrence() <= 1) {
                        String text = reader.getText();
                        String reference = reader.getReferenceCode();
                        segment.put(at.getElementPosition(), at.getComponentPosition(), text, reference);
                        checkCharacters(text, at, reference);
                    }
                }
                case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> pending.add(validationError(reader, event, at));
                case END_SEGMENT -> {
                    return endSegment(reader);
                }
                case START_TRANSACTION -> {
                    transactionStart = at.getSegmentPosition();
                    transactionHeader = new EdiSegment("", 1, "?");
                }
                case END_TRANSACTION -> endTransaction(true);
                case START_GROUP -> implicitGroup = false;
                case END_GROUP -> endGroup(true);
                case END_INTERCHANGE -> {
                    if (implicitGroup) {
                        endGroup(true);
                    }
                    interchangeComplete = true;
                }
                default -> {
                    // loops and composites carry nothing the builders need
                }
            }
            return true;
        }

        private boolean endSegment(EDIStreamReader reader) {
            EdiSegment s = segment;
            segment = null;
            if (s == null) {
                return true;
            }
            lastSegment = s;
            switch (s.tag()) {
                case "ISA", "UNB" -> envelope = envelope(s, reader.getDelimiters(), lineBreaks);
                case "GS", "UNG" -> {
                    groupHeader = s;
                    groupControl = "GS".equals(s.tag()) ? s.element(6) : s.element(5);
                    transactions = new ArrayList<>();
                }
                case "ST", "UNH" -> {
                    if (groupHeader == null) {
                        // EDIFACT without UNG: one implicit group for all messages
                        implicitGroup = true;
                        groupHeader = new EdiSegment("", 0, null);
                        groupControl = null;
                        transactions = new ArrayList<>();
                    }
                    transactionControl = transactionControlNumber(s);
                    transactionHeader = s;
                    List<EdiError> found = new ArrayList<>();
                    Support support = support(s, transactionVersion(s, groupHeader), found);
                    found.forEach(this::add);
                    if (support != null) {
                        reader.setTransactionSchema(support.schema());
                        builder = support.builder();
                    }
                    if (envelopeOnly) {
                        flushPending();
                        return false;
                    }
                }
                default -> {
                    if (builder != null && transactionHeader != null && !isTrailer(s.tag())) {
                        List<EdiError> found = new ArrayList<>();
                        builder.segment(s, found);
                        found.forEach(this::add);
                    }
                }
            }
            flushPending();
            return true;
        }

        private boolean isTrailer(String tag) {
            return "SE".equals(tag) || "UNT".equals(tag);
        }

        private void endTransaction(boolean complete) {
            if (transactionHeader == null) {
                return;
            }
            AdvanceShipNotice notice = null;
            if (builder != null && !envelopeOnly) {
                List<EdiError> found = new ArrayList<>();
                try {
                    notice = builder.build(found);
                } catch (RuntimeException e) {
                    // a broken structure can leave the builder without what it needs; the structural errors say why
                    if (errorsOfCurrentTransaction() == 0) {
                        found.add(new EdiError(AsnErrorCode.UNEXPECTED_SEGMENT, "the ship notice could not be read: " + e,
                                Scope.TRANSACTION, null, transactionControl, null, 0, 0, 0, null, null, -1));
                    }
                }
                found.forEach(this::add);
            }
            String type = transactionHeader.tag().isEmpty() ? null : transactionType(transactionHeader);
            String version = transactionHeader.tag().isEmpty() ? null : transactionVersion(transactionHeader, groupHeader);
            if (transactions != null) {
                transactions.add(new Transaction(type, transactionControl, version, notice, complete));
            }
            transactionHeader = null;
            transactionControl = null;
            builder = null;
        }

        private long errorsOfCurrentTransaction() {
            return errors.stream().filter(e -> transactionControl != null
                    && transactionControl.equals(e.transactionControlNumber())).count();
        }

        private void endGroup(boolean complete) {
            if (groupHeader == null) {
                return;
            }
            groups.add(group(groupHeader, transactions == null ? List.of() : transactions, complete));
            groupHeader = null;
            groupControl = null;
            transactions = null;
            implicitGroup = false;
        }

        private void closeOpenEnvelopes() {
            flushPending();
            endTransaction(false);
            endGroup(implicitGroup && interchangeComplete);
        }

        private void add(EdiError e) {
            errors.add(e.groupControlNumber() == null && groupControl != null && e.scope() != Scope.INTERCHANGE
                    ? e.inGroup(groupControl) : e);
        }

        /** StAEDI's errors arrive before the segment is complete; they are located once it is. */
        private void flushPending() {
            for (EdiError e : pending) {
                add(locate(e));
            }
            pending.clear();
        }

        private EdiError locate(EdiError e) {
            Scope scope = scopeOf(e.segmentTag());
            String transaction = scope == Scope.SEGMENT || scope == Scope.TRANSACTION ? transactionControl : null;
            return new EdiError(e.code(), explain(e), scope, scope == Scope.INTERCHANGE ? null : groupControl,
                    transaction, e.segmentTag(), e.segmentPosition(), e.elementPosition(), e.componentPosition(),
                    e.elementReference(), e.badData(), -1);
        }

        /** Envelope errors say what the trailer should have held, which only the parse state knows. */
        private String explain(EdiError e) {
            String tag = e.segmentTag();
            String field = tag + (!tag.startsWith("UN") ? String.format("%02d", e.elementPosition())
                    : e.elementReference() != null ? " " + e.elementReference() : " element " + e.elementPosition());
            String value = " '" + e.badData() + "'";
            if (e.code() == AsnErrorCode.CONTROL_NUMBER_MISMATCH) {
                String header = switch (tag) {
                    case "SE" -> "ST02 '" + transactionControl + "'";
                    case "UNT" -> "UNH 0062 '" + transactionControl + "'";
                    case "GE" -> "GS06 '" + groupControl + "'";
                    case "UNE" -> "UNG 0048 '" + groupControl + "'";
                    case "IEA" -> "ISA13 '" + (envelope == null ? "?" : envelope.controlNumber()) + "'";
                    case "UNZ" -> "UNB 0020 '" + (envelope == null ? "?" : envelope.controlNumber()) + "'";
                    default -> null;
                };
                return header == null ? e.message() : field + value + " does not match " + header;
            }
            if (e.code() == AsnErrorCode.SEGMENT_COUNT_MISMATCH) {
                return field + value + " does not match the " + e.segmentPosition() + " segments the transaction has,"
                        + " header and trailer included";
            }
            if (e.code() == AsnErrorCode.CONTROL_COUNT_MISMATCH) {
                int actual = switch (tag) {
                    case "GE", "UNE" -> transactions == null ? 0 : transactions.size();
                    case "IEA" -> groups.size();
                    default -> implicitGroup ? (transactions == null ? 0 : transactions.size()) : groups.size();
                };
                return field + value + " does not match the " + actual + (tag.startsWith("G") || tag.equals("UNE")
                        ? " transaction sets (or messages)" : tag.equals("IEA") ? " functional groups" : " messages (or groups)")
                        + " it closes";
            }
            return e.message();
        }

        private Scope scopeOf(String tag) {
            if (tag == null) {
                return Scope.INTERCHANGE;
            }
            switch (tag) {
                case "ISA", "IEA", "UNA", "UNB", "UNZ":
                    return Scope.INTERCHANGE;
                case "GS", "GE", "UNG", "UNE":
                    return Scope.GROUP;
                case "ST", "SE", "UNH", "UNT":
                    return Scope.TRANSACTION;
                default:
                    return transactionHeader != null ? Scope.SEGMENT : Scope.INTERCHANGE;
            }
        }

        private EdiError validationError(EDIStreamReader reader, EDIStreamEvent event, Location at) {
            EDIStreamValidationError type = reader.getErrorType();
            AsnErrorCode code = codeOf(type, at.getSegmentTag());
            String tag = at.getSegmentTag();
            int element = Math.max(at.getElementPosition(), 0);
            int component = Math.max(at.getComponentPosition(), 0);
            String badData = null;
            String reference = reader.getReferenceCode();
            if (event == EDIStreamEvent.SEGMENT_ERROR) {
                tag = reader.getText();
                element = 0;
                component = 0;
                reference = null;
            } else if (event == EDIStreamEvent.ELEMENT_DATA_ERROR) {
                badData = reader.getText();
            }
            int position = at.getSegmentPosition();
            position = transactionHeader != null && scopeOf(tag) != Scope.INTERCHANGE && scopeOf(tag) != Scope.GROUP
                    ? position - transactionStart + 1 : position - unaOffset;
            String message = describe(code, tag, element, component, reference, badData);
            return new EdiError(code, message, Scope.SEGMENT, null, null, tag, position, element, component,
                    reference, badData, -1);
        }

        private void checkCharacters(String text, Location at, String reference) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (!rules.allowed().test(c)) {
                    int element = at.getElementPosition();
                    int component = Math.max(at.getComponentPosition(), 0);
                    pending.add(new EdiError(AsnErrorCode.INVALID_CHARACTER,
                            String.format("%s%02d%s holds character U+%04X at offset %d, outside %s",
                                    at.getSegmentTag(), element, component > 0 ? "-" + component : "", (int) c, i + 1,
                                    rules.description()),
                            Scope.SEGMENT, null, null, at.getSegmentTag(), segment == null ? 0 : segment.position(),
                            element, component, reference, text, -1));
                    return;
                }
            }
        }

        private void streamFailed(Exception e, boolean started, byte[] bytes) {
            flushPending();
            String text = String.valueOf(e.getMessage());
            if (!started) {
                errors.add(EdiError.ofDocument(AsnErrorCode.NOT_EDI, "the document does not start with a readable "
                        + ("X12".equals(standard()) ? "ISA" : "UNA/UNB") + " interchange header: " + text, 0));
            } else if (text.contains("EDIE005") || text.toLowerCase().contains("end of stream")) {
                if (envelopeOnly) {
                    return;
                }
                String after = lastSegment == null ? "" : ", after segment " + lastSegment.position() + " ("
                        + lastSegment.tag() + ")" + (transactionControl != null ? " of transaction " + transactionControl : "");
                errors.add(EdiError.ofDocument(AsnErrorCode.TRUNCATED, "the document ends before its "
                        + ("X12".equals(standard()) ? "IEA" : "UNZ") + " trailer" + after
                        + ": it was cut short or its last segment terminator is missing", bytes.length));
            } else {
                errors.add(EdiError.ofDocument(AsnErrorCode.NOT_EDI, "the interchange cannot be read"
                        + (lastSegment == null ? "" : " after segment " + lastSegment.tag()) + ": " + text, -1));
            }
        }
    }

    private static AsnErrorCode codeOf(EDIStreamValidationError type, String tag) {
        switch (type) {
            case UNEXPECTED_SEGMENT:
            case IMPLEMENTATION_UNUSED_SEGMENT_PRESENT:
            case SEGMENT_EXCLUSION_CONDITION_VIOLATED:
                return AsnErrorCode.UNEXPECTED_SEGMENT;
            case SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET:
            case UNRECOGNIZED_SEGMENT_ID:
                return AsnErrorCode.UNKNOWN_SEGMENT;
            case SEGMENT_NOT_IN_PROPER_SEQUENCE:
                return AsnErrorCode.SEGMENT_OUT_OF_SEQUENCE;
            case MANDATORY_SEGMENT_MISSING:
            case CONDITIONAL_REQUIRED_SEGMENT_MISSING:
            case IMPLEMENTATION_SEGMENT_BELOW_MINIMUM_USE:
            case IMPLEMENTATION_LOOP_OCCURS_UNDER_MINIMUM_TIMES:
                return AsnErrorCode.MANDATORY_SEGMENT_MISSING;
            case LOOP_OCCURS_OVER_MAXIMUM_TIMES:
                return AsnErrorCode.LOOP_OVER_MAXIMUM;
            case SEGMENT_EXCEEDS_MAXIMUM_USE:
                return AsnErrorCode.SEGMENT_OVER_MAXIMUM;
            case REQUIRED_DATA_ELEMENT_MISSING:
            case IMPLEMENTATION_TOO_FEW_REPETITIONS:
                return AsnErrorCode.MANDATORY_ELEMENT_MISSING;
            case CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING:
                return AsnErrorCode.CONDITIONAL_ELEMENT_MISSING;
            case TOO_MANY_DATA_ELEMENTS:
            case IMPLEMENTATION_UNUSED_DATA_ELEMENT_PRESENT:
                return AsnErrorCode.TOO_MANY_ELEMENTS;
            case TOO_MANY_REPETITIONS:
            case TOO_MANY_COMPONENTS:
                return AsnErrorCode.TOO_MANY_COMPONENTS;
            case EXCLUSION_CONDITION_VIOLATED:
                return AsnErrorCode.EXCLUSION_VIOLATED;
            case DATA_ELEMENT_TOO_SHORT:
                return AsnErrorCode.ELEMENT_TOO_SHORT;
            case DATA_ELEMENT_TOO_LONG:
                return AsnErrorCode.ELEMENT_TOO_LONG;
            case INVALID_CHARACTER_DATA:
                return AsnErrorCode.INVALID_CHARACTER;
            case INVALID_DATE:
                return AsnErrorCode.INVALID_DATE;
            case INVALID_TIME:
                return AsnErrorCode.INVALID_TIME;
            case CONTROL_REFERENCE_MISMATCH:
                return AsnErrorCode.CONTROL_NUMBER_MISMATCH;
            case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT:
                return "SE".equals(tag) || "UNT".equals(tag) ? AsnErrorCode.SEGMENT_COUNT_MISMATCH
                        : AsnErrorCode.CONTROL_COUNT_MISMATCH;
            default:
                return AsnErrorCode.INVALID_CODE;
        }
    }

    private static String describe(AsnErrorCode code, String tag, int element, int component, String reference,
                                   String badData) {
        String where = element > 0 ? String.format("%s%02d%s", tag, element, component > 0 ? "-" + component : "")
                + (reference != null ? " (element " + reference + ")" : "") : tag;
        String value = badData == null ? "" : " '" + badData + "'";
        switch (code) {
            case SEGMENT_COUNT_MISMATCH:
                return where + value + " does not match the number of segments in the transaction";
            case CONTROL_NUMBER_MISMATCH:
                return where + value + " does not match the control number of the matching header segment";
            case CONTROL_COUNT_MISMATCH:
                return where + value + " does not match the number of groups, transactions or messages it closes";
            case MANDATORY_SEGMENT_MISSING:
                return "mandatory segment " + tag + " is missing";
            case UNKNOWN_SEGMENT:
                return "segment " + tag + " is not part of this transaction";
            case UNEXPECTED_SEGMENT:
                return "segment " + tag + " is not expected here";
            case SEGMENT_OUT_OF_SEQUENCE:
                return "segment " + tag + " is out of order";
            case LOOP_OVER_MAXIMUM:
                return "the loop starting with " + tag + " repeats more often than allowed";
            case SEGMENT_OVER_MAXIMUM:
                return "segment " + tag + " repeats more often than allowed";
            case MANDATORY_ELEMENT_MISSING:
                return "mandatory element " + where + " is missing";
            case CONDITIONAL_ELEMENT_MISSING:
                return "element " + where + " is required by another element of the segment";
            case TOO_MANY_ELEMENTS:
                return "segment " + tag + " has more elements than defined (" + where + ")";
            case TOO_MANY_COMPONENTS:
                return "element " + where + " has more components or repetitions than defined";
            case EXCLUSION_VIOLATED:
                return "element " + where + " may not be sent together with another element of the segment";
            case ELEMENT_TOO_SHORT:
                return "element " + where + value + " is too short";
            case ELEMENT_TOO_LONG:
                return "element " + where + value + " is too long";
            case INVALID_CHARACTER:
                return "element " + where + value + " has characters its type does not allow";
            case INVALID_DATE:
                return "element " + where + value + " is not a valid date";
            case INVALID_TIME:
                return "element " + where + value + " is not a valid time";
            default:
                return "element " + where + value + " has an invalid value";
        }
    }

    private static byte[] readAtMost(InputStream in, long max) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                total += n;
                if (total > max) {
                    // keep what was read: its envelope still lets an acknowledgement say why the rest was refused
                    byte[] all = out.toByteArray();
                    return java.util.Arrays.copyOf(all, (int) Math.min(all.length, max + 1));
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the ship notice failed", e);
        }
    }

    /** Windows tools put a UTF-8 byte order mark before the interchange; it is no part of it. */
    private static byte[] withoutByteOrderMark(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return java.util.Arrays.copyOfRange(bytes, 3, bytes.length);
        }
        return bytes;
    }

    /**
     * A trailer (IEA, UNZ) without its final segment terminator is a common slip of hand-edited or trimmed files;
     * the terminator is added so the envelope checks still run, instead of refusing the file as truncated.
     */
    private byte[] withFinalTerminator(byte[] bytes, Charset charset) {
        String start = new String(bytes, 0, Math.min(bytes.length, 512), charset);
        char terminator = segmentTerminator(start);
        if (terminator == 0 || terminator > 0x7F) {
            return bytes;
        }
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r' || bytes[end - 1] == ' ')) {
            end--;
        }
        if (end == 0 || bytes[end - 1] == terminator) {
            return bytes;
        }
        int segmentStart = end - 1;
        while (segmentStart > 0 && bytes[segmentStart - 1] != terminator) {
            segmentStart--;
        }
        String last = new String(bytes, segmentStart, end - segmentStart, charset).strip();
        if (!last.startsWith("IEA") && !last.startsWith("UNZ")) {
            return bytes;
        }
        byte[] fixed = java.util.Arrays.copyOf(bytes, end + 1);
        fixed[end] = (byte) terminator;
        return fixed;
    }

    static Schema loadSchema(String name) {
        try (InputStream in = EdiInterchangeReader.class.getResourceAsStream("schema/" + name)) {
            if (in == null) {
                throw new IllegalStateException("schema " + name + " is missing from the classpath");
            }
            return SchemaFactory.newFactory().createSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (EDISchemaException e) {
            throw new IllegalStateException("schema " + name + " is invalid: " + e.getMessage(), e);
        }
    }

    static char delimiter(Map<String, Character> delimiters, String key, char fallback) {
        Character c = delimiters.get(key);
        return c == null ? fallback : c;
    }

    private static EDIInputFactory newInputFactory() {
        EDIInputFactory factory = EDIInputFactory.newFactory();
        // the builders follow HL01/HL02 and CPS themselves; nesting would only re-order loop events
        factory.setProperty(EDIInputFactory.EDI_NEST_HIERARCHICAL_LOOPS, false);
        return factory;
    }
}
