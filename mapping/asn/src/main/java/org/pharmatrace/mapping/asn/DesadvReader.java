package org.pharmatrace.mapping.asn;

import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIStreamConstants.Delimiters;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.pharmatrace.mapping.PartnerProfile;
import org.pharmatrace.mapping.asn.AsnParty.PartyRole;
import org.pharmatrace.mapping.asn.EdiError.Scope;
import org.pharmatrace.mapping.asn.EdiInterchange.Envelope;
import org.pharmatrace.mapping.asn.EdiInterchange.FunctionalGroup;
import org.pharmatrace.mapping.asn.EdiInterchange.Transaction;

/**
 * Reads EDIFACT DESADV D.96A (EANCOM) interchanges into {@link AdvanceShipNotice}s, validating envelopes and
 * structure with StAEDI against the hub's schemas.
 *
 * <p>What it reads: BGM 1004 despatch advice number; DTM+11 despatch date/time (DTM+137 when there is none);
 * RFF+ON purchase orders, RFF+BM bill of lading; NAD parties (3055 = 9: 3039 is a GLN; SF/ST/DP/SU/BY); the CPS
 * hierarchy, with GIN+BJ giving a package level its SSCC and PAC its type; LIN item number of type SRV (GTIN), EN or
 * UP; PIA ...:NB batch; QTY+12 despatched quantity; DTM+36 expiry; GIN+BN serial numbers.
 */
public final class DesadvReader extends EdiInterchangeReader {

    private static final Schema CONTROL_SCHEMA = loadSchema("edifact-envelope.xml");
    private static final Schema DESADV_SCHEMA = loadSchema("edifact-desadv-d96a.xml");

    public DesadvReader(PartnerProfile profile) {
        super(Objects.requireNonNull(profile, "profile"));
    }

    /** Reads one interchange; problems are in the result's errors, never thrown (I/O failures excepted). */
    public EdiInterchange read(InputStream document) {
        return super.read(document);
    }

    @Override
    String standard() {
        return "EDIFACT";
    }

    @Override
    Schema controlSchema() {
        return CONTROL_SCHEMA;
    }

    /**
     * The syntax identifier in UNB (UNOA, UNOC, UNOY, ...) says which characters the interchange may hold. The
     * ISO 8859 levels are decoded as ISO-8859-1, one character per byte, which is all the checks need.
     */
    @Override
    TextRules textRules(byte[] document, List<EdiError> errors) {
        String start = new String(document, 0, Math.min(document.length, 512), StandardCharsets.ISO_8859_1);
        int unb = start.indexOf("UNB");
        String syntax = unb >= 0 && start.length() >= unb + 8 ? start.substring(unb + 4, unb + 8) : "UNOA";
        switch (syntax) {
            case "UNOA", "UNOB":
                // UNOA strictly has no lower case; partners send it anyway, and it harms nothing the hub reads
                return new TextRules(StandardCharsets.ISO_8859_1, c -> c >= 0x20 && c <= 0x7E,
                        "syntax level " + syntax + " (printable ASCII)");
            case "UNOW", "UNOY":
                CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
                try {
                    decoder.decode(ByteBuffer.wrap(document));
                } catch (CharacterCodingException e) {
                    errors.add(EdiError.ofDocument(AsnErrorCode.INVALID_CHARACTER, "the interchange declares "
                            + syntax + " (UTF-8) but is not valid UTF-8", firstMalformedUtf8(document)));
                }
                return new TextRules(StandardCharsets.UTF_8, c -> c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0)
                        && c != 0xFFFD, "syntax level " + syntax + " (UTF-8 without control characters)");
            default:
                return new TextRules(StandardCharsets.ISO_8859_1, c -> (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xFF),
                        "syntax level " + syntax + " (ISO 8859 without control characters)");
        }
    }

    @Override
    char segmentTerminator(String start) {
        if (start.startsWith("UNA") && start.length() >= 9) {
            return start.charAt(8);
        }
        return '\'';
    }

    @Override
    Envelope envelope(EdiSegment unb, Map<String, Character> delimiters, boolean lineBreaks) {
        String version = unb.component(1, 1) + (unb.component(1, 2) == null ? "" : ":" + unb.component(1, 2));
        return new Envelope(unb.component(2, 2), unb.component(2, 1), unb.component(3, 2), unb.component(3, 1),
                unb.component(4, 1), unb.component(4, 2), unb.element(5), version,
                "1".equals(unb.element(11)) ? "T" : "P", "1".equals(unb.element(9)),
                delimiter(delimiters, Delimiters.DATA_ELEMENT, '+'), delimiter(delimiters, Delimiters.COMPONENT_ELEMENT, ':'),
                delimiter(delimiters, Delimiters.SEGMENT, '\''), delimiter(delimiters, Delimiters.REPETITION, (char) 0),
                lineBreaks);
    }

    @Override
    FunctionalGroup group(EdiSegment header, List<Transaction> transactions, boolean complete) {
        if (!"UNG".equals(header.tag())) {
            return new FunctionalGroup(null, null, null, null, null, transactions, complete);
        }
        return new FunctionalGroup(header.element(1), header.component(2, 1), header.component(3, 1), header.element(5),
                null, transactions, complete);
    }

    @Override
    String transactionControlNumber(EdiSegment unh) {
        return unh.element(1);
    }

    @Override
    String transactionType(EdiSegment unh) {
        return unh.component(2, 1);
    }

    @Override
    String transactionVersion(EdiSegment unh, EdiSegment groupHeader) {
        StringBuilder v = new StringBuilder();
        for (int c = 2; c <= 5; c++) {
            String part = unh.component(2, c);
            if (part == null) {
                break;
            }
            v.append(v.length() == 0 ? "" : ":").append(part);
        }
        return v.toString();
    }

    @Override
    Support support(EdiSegment unh, String version, List<EdiError> errors) {
        String type = unh.component(2, 1);
        if (!"DESADV".equals(type)) {
            errors.add(new EdiError(AsnErrorCode.UNSUPPORTED_TRANSACTION, "message type " + type
                    + " is not a despatch advice (DESADV)", Scope.TRANSACTION, null, unh.element(1), "UNH", 1, 2, 1,
                    "0065", type, -1));
            return null;
        }
        if (!"D".equals(unh.component(2, 2)) || !"96A".equals(unh.component(2, 3))) {
            errors.add(new EdiError(AsnErrorCode.UNSUPPORTED_VERSION, "DESADV " + version
                    + " is not supported: the hub reads DESADV D.96A (EANCOM)", Scope.TRANSACTION, null, unh.element(1),
                    "UNH", 1, 2, 3, "0054", unh.component(2, 3), -1));
            return null;
        }
        return new Support(DESADV_SCHEMA, new DespatchAdviceBuilder());
    }

    private static long firstMalformedUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    /** Builds the notice of one DESADV message. */
    private static final class DespatchAdviceBuilder implements NoticeBuilder {
        private EdiSegment bgm;
        private EdiSegment despatchDate;
        private EdiSegment documentDate;
        private String billOfLading;
        private final Set<String> purchaseOrders = new LinkedHashSet<>();
        private final List<AsnParty> parties = new ArrayList<>();
        private final Map<String, PackingHierarchy.Level> levels = new LinkedHashMap<>();
        private final List<PackingHierarchy.Level> roots = new ArrayList<>();
        private final List<PackingHierarchy.Line> looseLines = new ArrayList<>();
        private PackingHierarchy.Level current;
        private PackingHierarchy.Line line;

        @Override
        public void segment(EdiSegment s, List<EdiError> errors) {
            switch (s.tag()) {
                case "BGM" -> bgm = s;
                case "DTM" -> dtm(s);
                case "RFF" -> rff(s);
                case "NAD" -> parties.add(party(s));
                case "CPS" -> cps(s, errors);
                case "PAC" -> {
                    if (current != null && s.component(3, 1) != null) {
                        current.packaging = s.component(3, 1);
                    }
                }
                case "GIN" -> gin(s, errors);
                case "LIN" -> lin(s);
                case "PIA" -> pia(s);
                case "QTY" -> qty(s);
                default -> {
                    // carried for the partner's own use; nothing in it changes the events
                }
            }
        }

        private void dtm(EdiSegment s) {
            String qualifier = s.component(1, 1);
            if ("11".equals(qualifier) && despatchDate == null) {
                despatchDate = s;
            } else if ("137".equals(qualifier) && documentDate == null) {
                documentDate = s;
            } else if ("36".equals(qualifier) && line != null) {
                line.expiry = dateOf(s);
            }
        }

        private void rff(EdiSegment s) {
            String qualifier = s.component(1, 1);
            String value = s.component(1, 2);
            if (value == null) {
                return;
            }
            if ("ON".equals(qualifier)) {
                purchaseOrders.add(value);
            } else if ("BM".equals(qualifier) && billOfLading == null) {
                billOfLading = value;
            }
        }

        private static AsnParty party(EdiSegment s) {
            String role = s.element(1);
            String id = s.component(2, 1);
            boolean gln = "9".equals(s.component(2, 3));
            PartyRole r = switch (role == null ? "" : role) {
                case "SF" -> PartyRole.SHIP_FROM;
                case "ST", "DP" -> PartyRole.SHIP_TO;
                case "SU" -> PartyRole.SELLER;
                case "BY" -> PartyRole.BUYER;
                default -> PartyRole.OTHER;
            };
            return new AsnParty(r, role, s.component(4, 1), gln ? id : null, gln ? null : s.component(2, 3),
                    gln ? null : id, s.ref(2, 1));
        }

        private void cps(EdiSegment s, List<EdiError> errors) {
            line = null;
            String id = s.element(1);
            String parentId = s.element(2);
            if (id == null) {
                return;
            }
            if (levels.containsKey(id)) {
                errors.add(EdiError.at(s.ref(1), AsnErrorCode.BAD_HIERARCHY, "CPS hierarchical id '" + id
                        + "' is used by an earlier CPS segment", id));
                current = null;
                return;
            }
            PackingHierarchy.Level level = new PackingHierarchy.Level(id, null, s.ref());
            PackingHierarchy.Level parent = parentId == null ? null : levels.get(parentId);
            if (parentId != null && parent == null) {
                errors.add(EdiError.at(s.ref(2), AsnErrorCode.BAD_HIERARCHY, "CPS parent '" + parentId
                        + "' names no earlier CPS segment", parentId));
            }
            levels.put(id, level);
            (parent == null ? roots : parent.children).add(level);
            current = level;
        }

        private void gin(EdiSegment s, List<EdiError> errors) {
            String qualifier = s.element(1);
            boolean sscc = "BJ".equals(qualifier);
            boolean serial = "BN".equals(qualifier);
            if (!sscc && !serial) {
                return;
            }
            for (int e = 2; e <= s.elementCount(); e++) {
                String value = s.component(e, 1);
                if (value == null) {
                    continue;
                }
                if (s.component(e, 2) != null) {
                    errors.add(EdiError.at(s.ref(e, 2), sscc ? AsnErrorCode.INVALID_IDENTIFIER : AsnErrorCode.INVALID_SERIAL,
                            "identity number ranges (" + value + " to " + s.component(e, 2) + ") are not supported:"
                                    + " send each number", s.component(e, 2)));
                    continue;
                }
                if (sscc) {
                    if (current == null) {
                        errors.add(EdiError.at(s.ref(e, 1), AsnErrorCode.BAD_HIERARCHY, "GIN+BJ (SSCC) is not inside"
                                + " a CPS packing level", value));
                        return;
                    }
                    current.addSscc(value, s.ref(e, 1));
                } else if (line == null) {
                    errors.add(EdiError.at(s.ref(e, 1), AsnErrorCode.BAD_HIERARCHY, "GIN+BN (serial number) does not"
                            + " follow a LIN line item", value));
                    return;
                } else {
                    line.serials.add(value);
                }
            }
        }

        private void lin(EdiSegment s) {
            line = new PackingHierarchy.Line(s.ref(), s.ref(3, 1));
            line.product = product(s.component(3, 1), s.component(3, 2), s.ref(3, 1));
            (current == null ? looseLines : current.lines).add(line);
        }

        private void pia(EdiSegment s) {
            if (line == null) {
                return;
            }
            for (int e = 2; e <= s.elementCount(); e++) {
                String value = s.component(e, 1);
                String type = s.component(e, 2);
                if (value == null || type == null) {
                    continue;
                }
                if ("NB".equals(type)) {
                    if (line.lot == null) {
                        line.lot = value;
                    }
                } else if (line.product == null) {
                    line.product = product(value, type, s.ref(e, 1));
                }
            }
        }

        private static ProductId product(String value, String type, SegmentRef ref) {
            if (value == null || type == null) {
                return null;
            }
            return switch (type) {
                case "SRV" -> new ProductId(ProductId.Type.GTIN, value, ref);
                case "EN" -> new ProductId(ProductId.Type.EAN, value, ref);
                case "UP" -> new ProductId(ProductId.Type.UPC, value, ref);
                default -> null;
            };
        }

        private void qty(EdiSegment s) {
            if (line == null || !"12".equals(s.component(1, 1))) {
                return;
            }
            try {
                line.quantity = s.component(1, 2) == null ? null : new BigDecimal(s.component(1, 2));
            } catch (NumberFormatException e) {
                line.quantity = null; // StAEDI has reported the bad number
            }
            line.unit = s.component(1, 3);
            line.quantitySource = s.ref(1, 2);
        }

        @Override
        public AdvanceShipNotice build(List<EdiError> errors) {
            if (bgm == null) {
                return null;
            }
            LocalDate date = despatchDate == null ? null : dateOf(despatchDate);
            LocalTime time = despatchDate == null ? null : timeOf(despatchDate);
            LocalDate docDate = documentDate == null ? null : dateOf(documentDate);
            LocalTime docTime = documentDate == null ? null : timeOf(documentDate);
            if (date == null) {
                date = docDate;
                time = docTime;
            } else if (time == null && date.equals(docDate)) {
                // no despatch time: the message was written on the despatch day, so its time bounds the despatch
                time = docTime;
            }
            if (date == null) {
                errors.add(EdiError.at(bgm.ref(), AsnErrorCode.MISSING_SHIP_DATE,
                        "no despatch date: neither DTM+11 nor DTM+137 holds a valid date", null));
            }
            PackingHierarchy.Result packed = PackingHierarchy.build(roots, looseLines, errors,
                    "send the GTIN as LIN item number of type SRV (or EN, UP, or in PIA)");
            return new AdvanceShipNotice(bgm.element(2), date, time, null, List.copyOf(purchaseOrders), billOfLading,
                    parties, packed.containers(), packed.looseItems(), bgm.ref());
        }
    }

    /** DTM C507 date in format 102 (CCYYMMDD), 203 (CCYYMMDDHHMM), 204 (CCYYMMDDHHMMSS) or 101 (YYMMDD). */
    static LocalDate dateOf(EdiSegment dtm) {
        String value = dtm.component(1, 2);
        String format = dtm.component(1, 3) == null ? "102" : dtm.component(1, 3);
        if (value == null) {
            return null;
        }
        if ("101".equals(format) && value.length() == 6) {
            return X12AsnReader.date("20" + value);
        }
        return value.length() >= 8 && ("102".equals(format) || "203".equals(format) || "204".equals(format))
                ? X12AsnReader.date(value.substring(0, 8)) : null;
    }

    static LocalTime timeOf(EdiSegment dtm) {
        String value = dtm.component(1, 2);
        String format = dtm.component(1, 3);
        if (value == null || format == null || value.length() < 12) {
            return null;
        }
        return "203".equals(format) || "204".equals(format) ? X12AsnReader.time(value.substring(8)) : null;
    }
}
