package org.pharmatrace.mapping.asn;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import javax.xml.namespace.QName;
import org.pharmatrace.epcis.cbv.EpcisNamespaces;
import org.pharmatrace.epcis.model.Action;
import org.pharmatrace.epcis.model.BizTransaction;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.EventType;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.epcis.model.Location;
import org.pharmatrace.epcis.model.QuantityElement;
import org.pharmatrace.epcis.model.SourceDestination;
import org.pharmatrace.gs1.CheckDigit;
import org.pharmatrace.gs1.CompanyPrefixLengths;
import org.pharmatrace.gs1.Gs1IdentifierException;
import org.pharmatrace.gs1.Gs1Key;
import org.pharmatrace.gs1.Gs1KeyType;
import org.pharmatrace.gs1.Ndc;
import org.pharmatrace.gs1.NdcFormat;
import org.pharmatrace.gs1.NdcProductCatalog;
import org.pharmatrace.mapping.EpcisEventSink;
import org.pharmatrace.mapping.PartnerProfile;

/**
 * Maps an {@link AdvanceShipNotice} to EPCIS 2.0 events, whatever syntax the notice came in:
 * <ul>
 * <li>one packing AggregationEvent (ADD, packing, in_progress) per container that holds something, innermost first:
 * parent the container's SSCC, children the SSCCs of the containers inside it, the SGTINs of its serialised packs
 * and, as child quantities, its class-level lines (LGTIN, or the GTIN when the line has no lot);</li>
 * <li>one shipping ObjectEvent (OBSERVE, shipping, in_transit) on the top-level SSCCs and on the lines packed in no
 * container, with the purchase orders, the notice and the bill of lading as business transactions, and the
 * ship-from and ship-to parties and locations as source and destination.</li>
 * </ul>
 * Lot and expiry travel on the shipping event as {@code asn:lot} extension elements (one per GTIN, lot and expiry,
 * holding the class and the CBV master-data attributes lotNumber and itemExpirationDate): EPCIS allows ILMD only on
 * the event that creates the objects (ObjectEvent ADD), and a ship notice does not commission anything.
 *
 * <p>Every identifier is checked (length, check digit, NDC known) before the first event is emitted; all problems
 * are reported together in one {@link AsnFormatException}.
 */
public final class AsnToEpcis {

    /** Namespace of the hub's ship-notice extension elements. */
    public static final String ASN_NAMESPACE = "https://pharmatrace.org/ns/asn/";
    /** One GTIN, lot and expiry the shipment carries. */
    public static final QName LOT = new QName(ASN_NAMESPACE, "lot", "asn");
    /** The EPC class of a {@link #LOT}: LGTIN, or the GTIN pattern when there is no lot. */
    public static final QName EPC_CLASS = new QName(ASN_NAMESPACE, "epcClass", "asn");
    public static final QName LOT_NUMBER = new QName(EpcisNamespaces.CBV_MASTER_DATA_ATTRIBUTES, "lotNumber", "cbvmda");
    public static final QName ITEM_EXPIRATION_DATE = new QName(EpcisNamespaces.CBV_MASTER_DATA_ATTRIBUTES, "itemExpirationDate", "cbvmda");

    static final String BIZ_STEP_PACKING = "urn:epcglobal:cbv:bizstep:packing";
    static final String BIZ_STEP_SHIPPING = "urn:epcglobal:cbv:bizstep:shipping";
    static final String DISP_IN_PROGRESS = "urn:epcglobal:cbv:disp:in_progress";
    static final String DISP_IN_TRANSIT = "urn:epcglobal:cbv:disp:in_transit";
    static final String BTT_PO = "urn:epcglobal:cbv:btt:po";
    static final String BTT_DESADV = "urn:epcglobal:cbv:btt:desadv";
    static final String BTT_BOL = "urn:epcglobal:cbv:btt:bol";
    static final String SDT_OWNING_PARTY = "urn:epcglobal:cbv:sdt:owning_party";
    static final String SDT_LOCATION = "urn:epcglobal:cbv:sdt:location";

    /** Units that count packs; anything else cannot be a quantity of trade items in EPCIS without a measure. */
    private static final Set<String> COUNT_UNITS = Set.of("EA", "UN", "PCE", "NAR", "C62", "H87", "EACH", "PC");

    private final PartnerProfile profile;
    private final boolean partyAsSgln;
    private final boolean lotExtension;
    private final boolean digitalLinkFallback;
    private final ZoneOffset profileOffset;

    public AsnToEpcis(PartnerProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.partyAsSgln = "sgln".equals(AsnConventions.choice(profile, AsnConventions.PARTY_IDENTIFIER, "pgln", "pgln", "sgln"));
        this.lotExtension = "extension".equals(AsnConventions.choice(profile, AsnConventions.LOT_MASTER_DATA, "extension",
                "extension", "none"));
        this.digitalLinkFallback = "digital-link".equals(AsnConventions.choice(profile,
                AsnConventions.UNKNOWN_COMPANY_PREFIX, "error", "error", "digital-link"));
        String offset = profile.eventTimeZoneOffset() == null ? "+00:00" : profile.eventTimeZoneOffset();
        try {
            this.profileOffset = ZoneOffset.of(offset);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("partner profile " + profile.partnerId() + ": event time zone offset '"
                    + offset + "' is not of the form +hh:mm", e);
        }
    }

    /**
     * Maps one notice; nothing reaches the sink unless the whole notice maps.
     *
     * @return how many events were produced
     * @throws AsnFormatException listing every identifier, lot or quantity problem found, located at its segment
     */
    public long map(AdvanceShipNotice notice, EpcisEventSink sink) {
        Resolved shipment = resolve(notice);
        long count = 0;
        for (ResolvedContainer top : shipment.containers) {
            count += emitPacking(top, shipment, sink);
        }
        sink.accept(shippingEvent(shipment));
        return count + 1;
    }

    // ------------------------------------------------------------------ resolution: every check, no events yet

    private record ResolvedItem(ShippedItem item, Gs1Key gtin, List<String> epcs, String classEpc) {
    }

    private record ResolvedContainer(String epc, List<ResolvedContainer> children, List<ResolvedItem> items) {
    }

    private static final class Resolved {
        String eventTime;
        String offset;
        String sourceOwner;
        String sourceLocation;
        String destinationOwner;
        String destinationLocation;
        final List<BizTransaction> transactions = new ArrayList<>();
        final List<ResolvedContainer> containers = new ArrayList<>();
        final List<ResolvedItem> looseItems = new ArrayList<>();
        final Map<String, ExtensionElement> lots = new LinkedHashMap<>();
    }

    private Resolved resolve(AdvanceShipNotice notice) {
        List<EdiError> errors = new ArrayList<>();
        Resolved r = new Resolved();
        r.offset = offsetText(notice.shipTimeOffset() != null ? notice.shipTimeOffset() : profileOffset);
        if (notice.shipDate() != null) {
            LocalTime time = notice.shipTime() == null ? LocalTime.MIDNIGHT : notice.shipTime();
            r.eventTime = notice.shipDate() + "T" + time.format(DateTimeFormatter.ofPattern("HH:mm:ss")) + r.offset;
        } else {
            errors.add(EdiError.at(notice.source(), AsnErrorCode.MISSING_SHIP_DATE, "the notice has no ship date", null));
        }

        Map<AsnParty, String> glns = new LinkedHashMap<>();
        for (AsnParty p : notice.parties()) {
            if (p.gln() != null && checkedDigits(p.gln(), 13, "GLN", p.source(), errors)) {
                glns.put(p, p.gln());
            }
        }
        Optional<AsnParty> shipFrom = withGln(notice, glns, "SF", "SH");
        Optional<AsnParty> seller = withGln(notice, glns, "SU", "VN", "SE");
        Optional<AsnParty> shipTo = withGln(notice, glns, "ST", "DP");
        Optional<AsnParty> buyer = withGln(notice, glns, "BY");

        r.sourceOwner = seller.or(() -> shipFrom).map(p -> party(p, errors)).orElse(profile.owningParty());
        r.sourceLocation = shipFrom.map(p -> location(p, errors)).orElse(profile.location() != null ? profile.location()
                : seller.map(p -> location(p, errors)).orElse(null));
        r.destinationOwner = buyer.or(() -> shipTo).map(p -> party(p, errors)).orElse(null);
        r.destinationLocation = shipTo.or(() -> buyer).map(p -> location(p, errors)).orElse(null);

        String buyerGln = buyer.or(() -> shipTo).map(AsnParty::gln).orElse(null);
        String shipperGln = seller.or(() -> shipFrom).map(AsnParty::gln).orElse(null);
        for (String po : notice.purchaseOrders()) {
            r.transactions.add(new BizTransaction(BTT_PO, transactionId(buyerGln, "po", po)));
        }
        if (notice.noticeNumber() != null) {
            r.transactions.add(new BizTransaction(BTT_DESADV, transactionId(shipperGln, "desadv", notice.noticeNumber())));
        }
        if (notice.billOfLading() != null) {
            String carrierSide = shipFrom.or(() -> seller).map(AsnParty::gln).orElse(null);
            r.transactions.add(new BizTransaction(BTT_BOL, transactionId(carrierSide, "bol", notice.billOfLading())));
        }

        Set<String> seen = new HashSet<>();
        for (ShippingContainer c : notice.containers()) {
            ResolvedContainer rc = resolveContainer(c, seen, r, errors);
            if (rc != null) {
                r.containers.add(rc);
            }
        }
        for (ShippedItem item : notice.looseItems()) {
            ResolvedItem ri = resolveItem(item, seen, r, errors);
            if (ri != null) {
                r.looseItems.add(ri);
            }
        }
        if (errors.isEmpty() && r.containers.isEmpty() && r.looseItems.isEmpty()) {
            errors.add(EdiError.at(notice.source(), AsnErrorCode.MISSING_PRODUCT,
                    "the notice ships nothing: no container SSCC and no line item", null));
        }
        if (!errors.isEmpty()) {
            throw new AsnFormatException(null, errors);
        }
        return r;
    }

    private static Optional<AsnParty> withGln(AdvanceShipNotice notice, Map<AsnParty, String> glns, String... roleCodes) {
        for (String code : roleCodes) {
            for (AsnParty p : notice.parties()) {
                if (code.equals(p.roleCode()) && glns.containsKey(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    private ResolvedContainer resolveContainer(ShippingContainer c, Set<String> seen, Resolved r, List<EdiError> errors) {
        String epc = null;
        if (checkedDigits(c.sscc(), 18, "SSCC", c.source(), errors)) {
            if (!seen.add("sscc:" + c.sscc())) {
                errors.add(EdiError.at(c.source(), AsnErrorCode.INVALID_IDENTIFIER, "SSCC " + c.sscc()
                        + " is named twice in the notice", c.sscc()));
            }
            epc = epc(Gs1KeyType.SSCC, c.sscc(), null, lengths().lengthFor(c.sscc().substring(1)), c.source(), errors);
        }
        List<ResolvedContainer> children = new ArrayList<>();
        for (ShippingContainer child : c.children()) {
            ResolvedContainer rc = resolveContainer(child, seen, r, errors);
            if (rc != null) {
                children.add(rc);
            }
        }
        List<ResolvedItem> items = new ArrayList<>();
        for (ShippedItem item : c.items()) {
            ResolvedItem ri = resolveItem(item, seen, r, errors);
            if (ri != null) {
                items.add(ri);
            }
        }
        return epc == null ? null : new ResolvedContainer(epc, children, items);
    }

    private ResolvedItem resolveItem(ShippedItem item, Set<String> seen, Resolved r, List<EdiError> errors) {
        Gs1Key gtin = gtinOf(item.product(), errors);
        if (gtin == null) {
            return null;
        }
        int errorsBefore = errors.size();
        if (item.isSerialised() && item.lot() == null) {
            errors.add(EdiError.at(item.source(), AsnErrorCode.MISSING_LOT, "GTIN " + gtin.gtin()
                    + " is shipped with serial numbers but without a lot (LIN LT, PIA ...:NB): DSCSA product"
                    + " identifiers need one", null));
        }
        if (item.isSerialised() && item.quantity() != null
                && item.quantity().compareTo(BigDecimal.valueOf(item.serials().size())) != 0) {
            errors.add(EdiError.at(item.quantitySource() != null ? item.quantitySource() : item.source(),
                    AsnErrorCode.SERIAL_COUNT_MISMATCH, "the line ships " + item.quantity().stripTrailingZeros().toPlainString()
                            + " but lists " + item.serials().size() + " serial numbers", item.quantity().toPlainString()));
        }
        if (!item.isSerialised() && item.unit() != null && !COUNT_UNITS.contains(item.unit())) {
            errors.add(EdiError.at(item.quantitySource() != null ? item.quantitySource() : item.source(),
                    AsnErrorCode.UNSUPPORTED_UNIT, "unit " + item.unit() + " is not a count of packs (EA, UN, PCE, ...)",
                    item.unit()));
        }
        List<String> epcs = new ArrayList<>();
        for (String serial : item.serials()) {
            if (!seen.add("sgtin:" + gtin.gtin() + ":" + serial)) {
                errors.add(EdiError.at(item.source(), AsnErrorCode.INVALID_SERIAL, "serial " + serial + " of GTIN "
                        + gtin.gtin() + " is listed twice", serial));
                continue;
            }
            try {
                Gs1Key key = Gs1Key.sgtin(gtin.gtin(), serial, gtin.companyPrefixLength());
                epcs.add(identify(key));
            } catch (Gs1IdentifierException e) {
                errors.add(EdiError.at(item.source(), AsnErrorCode.INVALID_SERIAL, "serial number '" + serial
                        + "' is not a valid GS1 serial (AI 21): " + e.problem(), serial));
            }
        }
        String classEpc = null;
        try {
            Gs1Key cls = item.lot() != null ? Gs1Key.lgtin(gtin.gtin(), item.lot(), gtin.companyPrefixLength()) : gtin;
            classEpc = identify(cls);
        } catch (Gs1IdentifierException e) {
            errors.add(EdiError.at(item.source(), AsnErrorCode.INVALID_IDENTIFIER, "lot '" + item.lot()
                    + "' is not a valid GS1 batch/lot (AI 10): " + e.problem(), item.lot()));
        }
        if (errors.size() > errorsBefore) {
            return null;
        }
        if (item.lot() != null || item.expiry() != null) {
            r.lots.computeIfAbsent(classEpc + "|" + item.expiry(), k -> lotElement(k.substring(0, k.indexOf('|')),
                    item.lot(), item.expiry()));
        }
        return new ResolvedItem(item, gtin, epcs, classEpc);
    }

    private static ExtensionElement lotElement(String classEpc, String lot, LocalDate expiry) {
        List<ExtensionElement> children = new ArrayList<>();
        children.add(ExtensionElement.leaf(EPC_CLASS, classEpc));
        if (lot != null) {
            children.add(ExtensionElement.leaf(LOT_NUMBER, lot));
        }
        if (expiry != null) {
            children.add(ExtensionElement.leaf(ITEM_EXPIRATION_DATE, expiry.toString()));
        }
        return ExtensionElement.complex(LOT, children);
    }

    /** The GTIN-14 of a product identifier (its company prefix length set when known), or null with an error. */
    private Gs1Key gtinOf(ProductId product, List<EdiError> errors) {
        String value = product.value().strip();
        String gtin14;
        int prefixLength = 0;
        switch (product.type()) {
            case GTIN, UPC, EAN -> {
                int expected = product.type() == ProductId.Type.UPC ? 12 : product.type() == ProductId.Type.EAN ? 13 : 0;
                boolean lengthOk = expected == 0 ? (value.length() == 8 || value.length() == 12 || value.length() == 13
                        || value.length() == 14) : value.length() == expected;
                if (!lengthOk || !value.chars().allMatch(Character::isDigit)) {
                    errors.add(EdiError.at(product.source(), AsnErrorCode.INVALID_IDENTIFIER, "'" + value + "' is not a "
                            + (expected == 12 ? "12-digit UPC" : expected == 13 ? "13-digit EAN" : "GTIN (8, 12, 13 or 14 digits)"),
                            value));
                    return null;
                }
                if (!CheckDigit.isValid(value)) {
                    errors.add(EdiError.at(product.source(), AsnErrorCode.BAD_CHECK_DIGIT, "GTIN " + value
                            + " has a wrong check digit: expected " + CheckDigit.compute(value.substring(0, value.length() - 1)),
                            value));
                    return null;
                }
                gtin14 = "0".repeat(14 - value.length()) + value;
            }
            default -> {
                Ndc ndc = ndcOf(product, value, errors);
                if (ndc == null) {
                    return null;
                }
                gtin14 = ndc.toGtin14();
                prefixLength = ndc.companyPrefixLength();
            }
        }
        OptionalInt length = prefixLength > 0 ? OptionalInt.of(prefixLength) : lengths().lengthFor(gtin14.substring(1));
        if (length.isEmpty() && !digitalLinkFallback) {
            errors.add(unknownPrefix(product.source(), "GTIN " + gtin14, gtin14));
            return null;
        }
        try {
            return Gs1Key.gtin(gtin14, length.orElse(0));
        } catch (Gs1IdentifierException e) {
            errors.add(EdiError.at(product.source(), AsnErrorCode.INVALID_IDENTIFIER, e.getMessage(), value));
            return null;
        }
    }

    private Ndc ndcOf(ProductId product, String value, List<EdiError> errors) {
        String digits = value.replace("-", "");
        if (!digits.chars().allMatch(Character::isDigit) || (digits.length() != 10 && digits.length() != 11)) {
            errors.add(EdiError.at(product.source(), AsnErrorCode.INVALID_IDENTIFIER, "'" + value
                    + "' is not an NDC (10 digits, hyphenated 4-4-2, 5-3-2 or 5-4-1, or the 11-digit 5-4-2 form)", value));
            return null;
        }
        try {
            if (digits.length() == 11) {
                NdcProductCatalog catalog = profile.ndcCatalog();
                Optional<Ndc> known = catalog == null ? Optional.empty() : catalog.findByBillingNdc(digits);
                if (known.isEmpty()) {
                    errors.add(EdiError.at(product.source(), AsnErrorCode.UNKNOWN_NDC, "11-digit NDC " + value
                            + " is not in the product master data for partner " + profile.partnerId()
                            + ": which segment was zero-padded cannot be told without it", value));
                    return null;
                }
                return known.get();
            }
            NdcFormat format = switch (product.type()) {
                case NDC_4_4_2 -> NdcFormat.FORMAT_4_4_2;
                case NDC_5_3_2 -> NdcFormat.FORMAT_5_3_2;
                case NDC_5_4_1 -> NdcFormat.FORMAT_5_4_1;
                default -> null;
            };
            return format != null && !value.contains("-") ? Ndc.of(digits, format) : Ndc.parse(value);
        } catch (Gs1IdentifierException e) {
            errors.add(EdiError.at(product.source(), AsnErrorCode.INVALID_IDENTIFIER, "NDC '" + value + "': "
                    + e.problem(), value));
            return null;
        }
    }

    /** Digits of the expected length with a valid check digit; else records why not. */
    private static boolean checkedDigits(String value, int length, String what, SegmentRef ref, List<EdiError> errors) {
        if (value == null || value.length() != length || !value.chars().allMatch(Character::isDigit)) {
            errors.add(EdiError.at(ref, AsnErrorCode.INVALID_IDENTIFIER, "'" + value + "' is not a " + what + " ("
                    + length + " digits)", value));
            return false;
        }
        if (!CheckDigit.isValid(value)) {
            errors.add(EdiError.at(ref, AsnErrorCode.BAD_CHECK_DIGIT, what + " " + value + " has a wrong check digit:"
                    + " expected " + CheckDigit.compute(value.substring(0, length - 1)), value));
            return false;
        }
        return true;
    }

    private String party(AsnParty p, List<EdiError> errors) {
        return epc(partyAsSgln ? Gs1KeyType.SGLN : Gs1KeyType.PGLN, p.gln(), partyAsSgln ? "0" : null,
                lengths().lengthFor(p.gln()), p.source(), errors);
    }

    private String location(AsnParty p, List<EdiError> errors) {
        return epc(Gs1KeyType.SGLN, p.gln(), "0", lengths().lengthFor(p.gln()), p.source(), errors);
    }

    private String epc(Gs1KeyType type, String key, String qualifier, OptionalInt length, SegmentRef ref,
                       List<EdiError> errors) {
        if (length.isEmpty() && !digitalLinkFallback) {
            errors.add(unknownPrefix(ref, type + " " + key, key));
            return null;
        }
        try {
            return identify(Gs1Key.of(type, key, qualifier, length.orElse(0)));
        } catch (Gs1IdentifierException e) {
            errors.add(EdiError.at(ref, AsnErrorCode.INVALID_IDENTIFIER, e.getMessage(), key));
            return null;
        }
    }

    /** EPC URN when the company prefix length is known; GS1 Digital Link otherwise (only when configured so). */
    private static String identify(Gs1Key key) {
        return key.companyPrefixLength() > 0 ? key.toEpcUri() : key.toDigitalLink();
    }

    private EdiError unknownPrefix(SegmentRef ref, String what, String value) {
        return EdiError.at(ref, AsnErrorCode.UNKNOWN_COMPANY_PREFIX, what + ": the length of its GS1 company prefix"
                + " is not configured for partner " + profile.partnerId() + " (company prefix lengths), so it has no"
                + " EPC URN", value);
    }

    private CompanyPrefixLengths lengths() {
        return profile.companyPrefixLengths() == null ? CompanyPrefixLengths.defaults() : profile.companyPrefixLengths();
    }

    /**
     * A business transaction URI: CBV's {@code urn:epcglobal:cbv:bt:<GLN>:<id>} with the GLN of the party that
     * issued the number; the hub's own {@code urn:pharmatrace:partner:<partner>:<type>:<id>} when no GLN is known.
     */
    private String transactionId(String issuerGln, String type, String id) {
        return issuerGln != null ? "urn:epcglobal:cbv:bt:" + issuerGln + ":" + urnEscape(id)
                : "urn:pharmatrace:partner:" + urnEscape(profile.partnerId()) + ":" + type + ":" + urnEscape(id);
    }

    static String urnEscape(String value) {
        StringBuilder s = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean plain = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                    || "-._~!$'()*+,;=:@".indexOf(c) >= 0;
            if (plain) {
                s.append(c);
            } else {
                s.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return s.toString();
    }

    private static String offsetText(ZoneOffset offset) {
        return offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId();
    }

    // ------------------------------------------------------------------ events

    /** Packing events for a container and everything in it, innermost first (packing happens bottom-up). */
    private long emitPacking(ResolvedContainer container, Resolved shipment, EpcisEventSink sink) {
        long count = 0;
        for (ResolvedContainer child : container.children) {
            count += emitPacking(child, shipment, sink);
        }
        if (container.children.isEmpty() && container.items.isEmpty()) {
            return count;
        }
        EpcisEvent event = newEvent(EventType.AGGREGATION_EVENT, Action.ADD, BIZ_STEP_PACKING, DISP_IN_PROGRESS, shipment);
        event.setParentId(container.epc);
        for (ResolvedContainer child : container.children) {
            event.getChildEpcs().add(child.epc);
        }
        for (ResolvedItem item : container.items) {
            event.getChildEpcs().addAll(item.epcs);
            if (!item.item.isSerialised()) {
                event.getChildQuantityList().add(quantity(item));
            }
        }
        if (shipment.sourceLocation != null) {
            event.setBizLocation(Location.of(shipment.sourceLocation));
        }
        sink.accept(event);
        return count + 1;
    }

    private EpcisEvent shippingEvent(Resolved shipment) {
        EpcisEvent event = newEvent(EventType.OBJECT_EVENT, Action.OBSERVE, BIZ_STEP_SHIPPING, DISP_IN_TRANSIT, shipment);
        for (ResolvedContainer c : shipment.containers) {
            event.getEpcList().add(c.epc);
        }
        for (ResolvedItem item : shipment.looseItems) {
            event.getEpcList().addAll(item.epcs);
            if (!item.item.isSerialised()) {
                event.getQuantityList().add(quantity(item));
            }
        }
        event.getBizTransactionList().addAll(shipment.transactions);
        if (shipment.sourceOwner != null) {
            event.getSourceList().add(new SourceDestination(SDT_OWNING_PARTY, shipment.sourceOwner));
        }
        if (shipment.sourceLocation != null) {
            event.getSourceList().add(new SourceDestination(SDT_LOCATION, shipment.sourceLocation));
        }
        if (shipment.destinationOwner != null) {
            event.getDestinationList().add(new SourceDestination(SDT_OWNING_PARTY, shipment.destinationOwner));
        }
        if (shipment.destinationLocation != null) {
            event.getDestinationList().add(new SourceDestination(SDT_LOCATION, shipment.destinationLocation));
        }
        if (lotExtension) {
            event.getExtensions().addAll(shipment.lots.values());
        }
        return event;
    }

    private static EpcisEvent newEvent(EventType type, Action action, String bizStep, String disposition, Resolved shipment) {
        EpcisEvent event = new EpcisEvent(type)
                .setEventTime(shipment.eventTime)
                .setEventTimeZoneOffset(shipment.offset)
                .setAction(action)
                .setBizStep(bizStep)
                .setDisposition(disposition);
        if (shipment.sourceLocation != null) {
            event.setReadPoint(Location.of(shipment.sourceLocation));
        }
        return event;
    }

    private static QuantityElement quantity(ResolvedItem item) {
        // a count of packs has no unit in EPCIS; other units were refused during resolution
        return new QuantityElement(item.classEpc, item.item.quantity(), null);
    }
}
