package org.pharmatrace.mapping.asn;

import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIStreamConstants.Delimiters;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
 * Reads X12 856 Ship Notice/Manifest interchanges (version 004010 and later) into {@link AdvanceShipNotice}s,
 * validating envelopes and structure with StAEDI against the hub's schemas.
 *
 * <p>What it reads: BSN02 notice number, BSN03/04 document date and time; DTM*011 ship date/time (DTM04 time code
 * honoured); PRF01 purchase orders (and REF*PO); REF*BM bill of lading; N1 parties (N103 = UL: N104 is a GLN);
 * HL hierarchy, with MAN*GM giving a tare or pack its SSCC; LIN product (UK GTIN-14, UP UPC-A, EN EAN-13, N4/ND NDC
 * in any form, N1/N2/N3 NDC as 4-4-2/5-3-2/5-4-1) and LT lot (or REF*LT); SN1 quantity and unit; DTM*036 expiry;
 * one REF per serial number, qualifier {@code SE} unless the profile's {@code x12.serialQualifier} says otherwise.
 */
public final class X12AsnReader extends EdiInterchangeReader {

    private static final Schema CONTROL_SCHEMA = loadSchema("x12-envelope.xml");
    private static final Schema SHIP_NOTICE_SCHEMA = loadSchema("x12-856.xml");
    private static final String OLDEST_VERSION = "004010";

    public X12AsnReader(PartnerProfile profile) {
        super(Objects.requireNonNull(profile, "profile"));
    }

    /** Reads one interchange; problems are in the result's errors, never thrown (I/O failures excepted). */
    public EdiInterchange read(InputStream document) {
        return super.read(document);
    }

    @Override
    String standard() {
        return "X12";
    }

    @Override
    Schema controlSchema() {
        return CONTROL_SCHEMA;
    }

    /** Every byte is one character in ISO-8859-1, so bytes outside X12's character set survive to be reported. */
    @Override
    TextRules textRules(byte[] document, List<EdiError> errors) {
        // the X12 basic and extended character sets: printable ASCII
        return new TextRules(StandardCharsets.ISO_8859_1, c -> c >= 0x20 && c <= 0x7E, "X12's character set (printable ASCII)");
    }

    @Override
    char segmentTerminator(String start) {
        int isa = start.indexOf("ISA");
        if (isa < 0 || start.length() < isa + 4) {
            return 0;
        }
        char separator = start.charAt(isa + 3);
        int seen = 0;
        for (int i = isa + 3; i < start.length(); i++) {
            if (start.charAt(i) == separator && ++seen == 16) {
                return i + 2 < start.length() ? start.charAt(i + 2) : 0;
            }
        }
        return 0;
    }

    @Override
    Envelope envelope(EdiSegment isa, Map<String, Character> delimiters, boolean lineBreaks) {
        String version = isa.element(12);
        char repetition = version != null && version.compareTo("00402") >= 0
                ? delimiter(delimiters, Delimiters.REPETITION, (char) 0) : 0;
        return new Envelope(isa.element(5), trim(isa.element(6)), isa.element(7), trim(isa.element(8)), isa.element(9),
                isa.element(10), isa.element(13), version, isa.element(15), "1".equals(isa.element(14)),
                delimiter(delimiters, Delimiters.DATA_ELEMENT, '*'), delimiter(delimiters, Delimiters.COMPONENT_ELEMENT, '>'),
                delimiter(delimiters, Delimiters.SEGMENT, '~'), repetition, lineBreaks);
    }

    @Override
    FunctionalGroup group(EdiSegment gs, List<Transaction> transactions, boolean complete) {
        return new FunctionalGroup(gs.element(1), gs.element(2), gs.element(3), gs.element(6), gs.element(8),
                transactions, complete);
    }

    @Override
    String transactionControlNumber(EdiSegment st) {
        return st.element(2);
    }

    @Override
    String transactionType(EdiSegment st) {
        return st.element(1);
    }

    @Override
    String transactionVersion(EdiSegment st, EdiSegment gs) {
        String version = st.element(3);
        return version != null ? version : gs == null ? null : gs.element(8);
    }

    @Override
    Support support(EdiSegment st, String version, List<EdiError> errors) {
        String type = st.element(1);
        if (!"856".equals(type)) {
            errors.add(new EdiError(AsnErrorCode.UNSUPPORTED_TRANSACTION, "transaction set " + type
                    + " is not a ship notice (856)", Scope.TRANSACTION, null, st.element(2), "ST", 1, 1, 0, "143", type, -1));
            return null;
        }
        if (version == null || version.length() < 6 || !version.substring(0, 6).chars().allMatch(Character::isDigit)
                || version.substring(0, 6).compareTo(OLDEST_VERSION) < 0) {
            errors.add(new EdiError(AsnErrorCode.UNSUPPORTED_VERSION, "version " + version
                    + " is not supported: the hub reads 856 version " + OLDEST_VERSION + " and later",
                    Scope.TRANSACTION, null, st.element(2), "ST", 1, 0, 0, null, version, -1));
            return null;
        }
        return new Support(SHIP_NOTICE_SCHEMA, new ShipNoticeBuilder(AsnConventions.serialQualifier(profile),
                AsnConventions.checkLineCount(profile)));
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }

    /** Builds the notice of one 856 transaction set. */
    private static final class ShipNoticeBuilder implements NoticeBuilder {
        private final String serialQualifier;
        private final boolean checkLineCount;
        private EdiSegment bsn;
        private EdiSegment shipDate;
        private EdiSegment ctt;
        private String billOfLading;
        private final Set<String> purchaseOrders = new LinkedHashSet<>();
        private final List<AsnParty> parties = new ArrayList<>();
        private final Map<String, PackingHierarchy.Level> levels = new LinkedHashMap<>();
        private final List<PackingHierarchy.Level> roots = new ArrayList<>();
        private PackingHierarchy.Level current;
        private PackingHierarchy.Line line;
        private int linCount;

        ShipNoticeBuilder(String serialQualifier, boolean checkLineCount) {
            this.serialQualifier = serialQualifier;
            this.checkLineCount = checkLineCount;
        }

        @Override
        public void segment(EdiSegment s, List<EdiError> errors) {
            switch (s.tag()) {
                case "BSN" -> bsn = s;
                case "HL" -> hl(s, errors);
                case "DTM" -> dtm(s);
                case "PRF" -> {
                    if (s.element(1) != null) {
                        purchaseOrders.add(s.element(1));
                    }
                }
                case "REF" -> ref(s, errors);
                case "MAN" -> man(s);
                case "N1" -> parties.add(party(s));
                case "LIN" -> lin(s);
                case "SN1" -> sn1(s);
                case "CTT" -> ctt = s;
                default -> {
                    // carried for the partner's own use; nothing in it changes the events
                }
            }
        }

        private void hl(EdiSegment s, List<EdiError> errors) {
            line = null;
            String id = s.element(1);
            String parentId = s.element(2);
            if (id == null) {
                return;
            }
            if (levels.containsKey(id)) {
                errors.add(EdiError.at(s.ref(1), AsnErrorCode.BAD_HIERARCHY, "HL01 '" + id
                        + "' is used by an earlier HL segment", id));
                current = null;
                return;
            }
            PackingHierarchy.Level level = new PackingHierarchy.Level(id, s.element(3), s.ref());
            PackingHierarchy.Level parent = parentId == null ? null : levels.get(parentId);
            if (parentId != null && parent == null) {
                errors.add(EdiError.at(s.ref(2), AsnErrorCode.BAD_HIERARCHY, "HL02 '" + parentId
                        + "' names no earlier HL segment as parent", parentId));
            }
            levels.put(id, level);
            (parent == null ? roots : parent.children).add(level);
            current = level;
        }

        private void dtm(EdiSegment s) {
            String qualifier = s.element(1);
            if ("011".equals(qualifier) && shipDate == null) {
                shipDate = s;
            } else if ("036".equals(qualifier) && line != null) {
                line.expiry = date(s.element(2));
            }
        }

        private void ref(EdiSegment s, List<EdiError> errors) {
            String qualifier = s.element(1);
            String value = s.element(2) != null ? s.element(2) : s.element(3);
            if (qualifier == null || value == null) {
                return;
            }
            if (qualifier.equals(serialQualifier)) {
                if (line == null) {
                    errors.add(EdiError.at(s.ref(1), AsnErrorCode.BAD_HIERARCHY, "serial number REF*" + qualifier
                            + " is not inside an item (an HL loop with LIN)", value));
                } else {
                    line.serials.add(value);
                }
            } else if ("LT".equals(qualifier) && line != null && line.lot == null) {
                line.lot = value;
            } else if ("BM".equals(qualifier) && billOfLading == null) {
                billOfLading = value;
            } else if ("PO".equals(qualifier)) {
                purchaseOrders.add(value);
            }
        }

        private void man(EdiSegment s) {
            if (current != null && "GM".equals(s.element(1)) && s.element(2) != null) {
                current.addSscc(s.element(2), s.ref(2));
            }
        }

        private static AsnParty party(EdiSegment s) {
            String role = s.element(1);
            String qualifier = s.element(3);
            String id = s.element(4);
            boolean gln = "UL".equals(qualifier);
            return new AsnParty(roleOf(role), role, s.element(2), gln ? id : null, gln ? null : qualifier,
                    gln ? null : id, s.ref(4));
        }

        private static PartyRole roleOf(String code) {
            if (code == null) {
                return PartyRole.OTHER;
            }
            switch (code) {
                case "SF", "SH":
                    return PartyRole.SHIP_FROM;
                case "ST":
                    return PartyRole.SHIP_TO;
                case "SU", "VN", "SE":
                    return PartyRole.SELLER;
                case "BY":
                    return PartyRole.BUYER;
                default:
                    return PartyRole.OTHER;
            }
        }

        private void lin(EdiSegment s) {
            linCount++;
            if (current == null) {
                return;
            }
            line = new PackingHierarchy.Line(s.ref(), s.ref(3));
            ProductId gtin = null;
            ProductId ndc = null;
            for (int e = 2; e < s.elementCount(); e += 2) {
                String qualifier = s.element(e);
                String value = s.element(e + 1);
                if (qualifier == null || value == null) {
                    continue;
                }
                ProductId.Type type = switch (qualifier) {
                    case "UK" -> ProductId.Type.GTIN;
                    case "UP" -> ProductId.Type.UPC;
                    case "EN" -> ProductId.Type.EAN;
                    case "N4", "ND" -> ProductId.Type.NDC;
                    case "N1" -> ProductId.Type.NDC_4_4_2;
                    case "N2" -> ProductId.Type.NDC_5_3_2;
                    case "N3" -> ProductId.Type.NDC_5_4_1;
                    default -> null;
                };
                if ("LT".equals(qualifier)) {
                    if (line.lot == null) {
                        line.lot = value;
                    }
                } else if (type == ProductId.Type.GTIN || type == ProductId.Type.UPC || type == ProductId.Type.EAN) {
                    if (gtin == null) {
                        gtin = new ProductId(type, value, s.ref(e + 1));
                    }
                } else if (type != null && ndc == null) {
                    ndc = new ProductId(type, value, s.ref(e + 1));
                }
            }
            // a GTIN says directly what an NDC only implies through the "03" rule or master data
            line.product = gtin != null ? gtin : ndc;
            current.lines.add(line);
        }

        private void sn1(EdiSegment s) {
            if (line == null) {
                return;
            }
            try {
                line.quantity = s.element(2) == null ? null : new BigDecimal(s.element(2));
            } catch (NumberFormatException e) {
                line.quantity = null; // StAEDI has reported the bad number
            }
            line.unit = s.element(3);
            line.quantitySource = s.ref(2);
        }

        @Override
        public AdvanceShipNotice build(List<EdiError> errors) {
            if (bsn == null) {
                return null;
            }
            LocalDate documentDate = date(bsn.element(3));
            LocalTime documentTime = time(bsn.element(4));
            LocalDate date = shipDate == null ? null : date(shipDate.element(2));
            LocalTime time;
            ZoneOffset offset = null;
            if (date != null) {
                time = time(shipDate.element(3));
                if (time == null && date.equals(documentDate)) {
                    // no ship time: the notice was written on the ship day, so its time bounds the shipping
                    time = documentTime;
                }
                offset = offsetOf(shipDate.element(4), date, time);
            } else {
                date = documentDate;
                time = documentTime;
            }
            if (date == null) {
                errors.add(EdiError.at(bsn.ref(3), AsnErrorCode.MISSING_SHIP_DATE,
                        "no ship date: neither DTM*011 nor BSN03 holds a valid date", bsn.element(3)));
            }
            PackingHierarchy.Result packed = PackingHierarchy.build(roots, List.of(), errors,
                    "send UK (GTIN-14), UP, EN or an NDC qualifier (N4, ND, N1-N3) in LIN");
            checkLineCount(errors);
            return new AdvanceShipNotice(bsn.element(2), date, time, offset, List.copyOf(purchaseOrders), billOfLading,
                    parties, packed.containers(), packed.looseItems(), bsn.ref());
        }

        private void checkLineCount(List<EdiError> errors) {
            if (!checkLineCount || ctt == null || ctt.element(1) == null) {
                return;
            }
            String count = ctt.element(1);
            // CTT01 counts HL loops in most 856 guides, LIN segments in some; either is accepted
            if (!count.equals(String.valueOf(levels.size())) && !count.equals(String.valueOf(linCount))) {
                errors.add(EdiError.at(ctt.ref(1), AsnErrorCode.LINE_COUNT_MISMATCH, "CTT01 says " + count
                        + " but the transaction has " + levels.size() + " HL and " + linCount + " LIN segments", count));
            }
        }
    }

    static LocalDate date(String ccyymmdd) {
        if (ccyymmdd == null || ccyymmdd.length() != 8) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(ccyymmdd.substring(0, 4)), Integer.parseInt(ccyymmdd.substring(4, 6)),
                    Integer.parseInt(ccyymmdd.substring(6, 8)));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** HHMM, HHMMSS, HHMMSSD or HHMMSSDD; fractions of seconds are dropped. */
    static LocalTime time(String hhmm) {
        if (hhmm == null || hhmm.length() < 4) {
            return null;
        }
        try {
            int h = Integer.parseInt(hhmm.substring(0, 2));
            int m = Integer.parseInt(hhmm.substring(2, 4));
            int s = hhmm.length() >= 6 ? Integer.parseInt(hhmm.substring(4, 6)) : 0;
            return LocalTime.of(h, m, s);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The offset an X12 time code (DTM04) stands for on that day; null for local time or no code. */
    static ZoneOffset offsetOf(String timeCode, LocalDate date, LocalTime time) {
        if (timeCode == null) {
            return null;
        }
        String zone;
        switch (timeCode) {
            case "UT", "GM":
                return ZoneOffset.UTC;
            case "AD":
                return ZoneOffset.ofHours(-3);
            case "AS", "ED":
                return ZoneOffset.ofHours(-4);
            case "ES", "CD":
                return ZoneOffset.ofHours(-5);
            case "CS", "MD":
                return ZoneOffset.ofHours(-6);
            case "MS", "PD":
                return ZoneOffset.ofHours(-7);
            case "PS":
                return ZoneOffset.ofHours(-8);
            case "HS":
                return ZoneOffset.ofHours(-10);
            case "AT":
                zone = "America/Halifax";
                break;
            case "ET":
                zone = "America/New_York";
                break;
            case "CT":
                zone = "America/Chicago";
                break;
            case "MT":
                zone = "America/Denver";
                break;
            case "PT":
                zone = "America/Los_Angeles";
                break;
            case "HT":
                zone = "Pacific/Honolulu";
                break;
            default:
                return null;
        }
        try {
            LocalDateTime at = LocalDateTime.of(date, time == null ? LocalTime.NOON : time);
            return ZoneId.of(zone).getRules().getOffset(at);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
