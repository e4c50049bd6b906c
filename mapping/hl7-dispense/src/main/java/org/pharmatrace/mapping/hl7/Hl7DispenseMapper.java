package org.pharmatrace.mapping.hl7;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.namespace.QName;
import org.pharmatrace.epcis.cbv.EpcisNamespaces;
import org.pharmatrace.epcis.model.Action;
import org.pharmatrace.epcis.model.BizTransaction;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.EventType;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.epcis.model.Location;
import org.pharmatrace.epcis.model.QuantityElement;
import org.pharmatrace.gs1.CheckDigit;
import org.pharmatrace.gs1.CompanyPrefixLengths;
import org.pharmatrace.gs1.ElementString;
import org.pharmatrace.gs1.Gs1Characters;
import org.pharmatrace.gs1.GS1ElementStrings;
import org.pharmatrace.gs1.Gs1IdentifierException;
import org.pharmatrace.gs1.Gs1Key;
import org.pharmatrace.gs1.Gs1KeyType;
import org.pharmatrace.gs1.Ndc;
import org.pharmatrace.mapping.EpcisEventSink;
import org.pharmatrace.mapping.PartnerFormat;
import org.pharmatrace.mapping.PartnerFormatMapper;
import org.pharmatrace.mapping.PartnerProfile;

/**
 * Maps an HL7 v2 pharmacy dispense (RDS^O13 v2.4–2.9, RDS^O01 v2.3) to one EPCIS dispensing ObjectEvent per RXD:
 * OBSERVE, bizStep dispensing, disposition dispensed, with the SGTINs of the packs scanned at the counter (OBX
 * segments carrying the GS1 element string of the pack's 2D barcode), or — when no pack was scanned — the product
 * class with the RXD-4 quantity. Patient data (PID, NK1, PV1, …) never reaches an event, an error or a log; on request
 * a keyed pseudonym relates dispenses to one patient. Conventions (profile keys {@code hl7.*}) are in the README.
 *
 * <p>A message maps all or nothing: every RXD is checked before any event goes to the sink.
 */
public final class Hl7DispenseMapper implements PartnerFormatMapper {

    /** Convention: OBX-3 identifier that marks a scanned pack (default {@value #DEFAULT_PACK_OBX_CODE}). */
    public static final String PACK_OBX_CODE = "hl7.packObxCode";
    /** Convention: HMAC key for the patient pseudonym; no pseudonym when absent (the default). */
    public static final String PSEUDONYM_KEY = "hl7.pseudonymKey";
    /** Convention: largest message taken, in bytes (default 1 MiB). */
    public static final String MAX_MESSAGE_BYTES = "hl7.maxMessageBytes";
    /** Convention: RXD-5 units that count packs, comma-separated (default {@value #DEFAULT_PACK_UNITS}). */
    public static final String PACK_UNITS = "hl7.packUnits";
    /** Convention: {@code prescription} (default) adds the prescription bizTransaction, {@code none} leaves it out. */
    public static final String BIZ_TRANSACTION = "hl7.bizTransaction";
    /** Convention: RXD-2 coding systems that mean NDC (default "NDC"). */
    public static final String NDC_CODING_SYSTEMS = "hl7.ndcCodingSystems";
    /** Convention: RXD-2 coding systems that mean GTIN (default "GTIN,GS1"). */
    public static final String GTIN_CODING_SYSTEMS = "hl7.gtinCodingSystems";

    public static final String DEFAULT_PACK_OBX_CODE = "GS1-2D";
    public static final String DEFAULT_PACK_UNITS = "BX,PK,PKG,PAK,PACK,EA,EACH,BT,BTL,BOT,BOTTLE,VL,VIAL,CTN,KT,KIT";
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 1 << 20;

    /** Namespace of the hub's own dispense terms: the prescription transaction type and the patient pseudonym. */
    public static final String DISPENSE_NAMESPACE = "https://pharmatrace.org/ns/dispense/";
    /** bizTransaction type of a prescription: CBV 2.0 has none (po is a purchase order), so the hub defines one. */
    public static final String PRESCRIPTION_BTT = DISPENSE_NAMESPACE + "prescription";
    public static final QName PATIENT_PSEUDONYM = new QName(DISPENSE_NAMESPACE, "patientPseudonym", "ptd");
    public static final QName LOT_NUMBER = new QName(EpcisNamespaces.CBV_MASTER_DATA_ATTRIBUTES, "lotNumber", "cbvmda");
    public static final QName ITEM_EXPIRATION_DATE = new QName(EpcisNamespaces.CBV_MASTER_DATA_ATTRIBUTES, "itemExpirationDate", "cbvmda");

    static final String BIZSTEP_DISPENSING = "urn:epcglobal:cbv:bizstep:dispensing";
    static final String DISPOSITION_DISPENSED = "urn:epcglobal:cbv:disp:dispensed";

    private static final Pattern RAW_SERIALISED_BARCODE = Pattern.compile("\u001D?01\\d{14}21.*", Pattern.DOTALL);
    private static final int MAX_ECHO = 60;

    private final Clock clock;
    private final RdsReader reader = new RdsReader();

    public Hl7DispenseMapper() {
        this(Clock.systemUTC());
    }

    /** @param clock decides the century of two-digit expiry years in barcodes */
    public Hl7DispenseMapper(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public PartnerFormat format() {
        return PartnerFormat.HL7_DISPENSE;
    }

    /** Reads one message (at most {@code hl7.maxMessageBytes}) and maps it; see {@link #map(byte[], PartnerProfile, EpcisEventSink)}. */
    @Override
    public long map(InputStream document, PartnerProfile profile, EpcisEventSink sink) {
        Objects.requireNonNull(document, "document");
        int max = maxMessageBytes(profile);
        byte[] bytes;
        try {
            bytes = document.readNBytes(max + 1);
        } catch (IOException e) {
            throw new Hl7DispenseException(null, Hl7ErrorCode.UNPARSEABLE, "reading the message failed: " + e.getClass().getSimpleName());
        }
        return map(bytes, profile, sink);
    }

    /**
     * Maps one message; the caller keeps the bytes for {@link Hl7Acknowledgements}.
     *
     * @return the number of events sent to the sink (one per RXD)
     * @throws Hl7DispenseException when the message is refused; nothing has been sent to the sink then
     */
    public long map(byte[] message, PartnerProfile profile, EpcisEventSink sink) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(sink, "sink");
        int max = maxMessageBytes(profile);
        if (message.length > max) {
            throw new Hl7DispenseException(null, Hl7ErrorCode.MESSAGE_TOO_LARGE,
                    "the message is larger than " + max + " bytes (" + MAX_MESSAGE_BYTES + ")");
        }
        Settings settings = Settings.of(profile);
        Er7Message er7 = Er7Message.decode(message);
        RdsReader.RdsMessage rds = reader.read(er7, settings.pseudonym != null);
        Context context = new Context(profile, settings, er7.header(), clock);
        for (RdsReader.Observation orphan : rds.orphanObservations()) {
            if (context.isPack(orphan)) {
                throw new Hl7DispenseException(Hl7Location.field("OBX", orphan.occurrence(), 5), Hl7ErrorCode.MISSING_SEGMENT,
                        "a scanned pack comes before the RXD of its order; OBX segments follow the RXD they belong to");
            }
        }
        String pseudonym = settings.pseudonym == null ? null : settings.pseudonym.of(rds.patientIdentifiers());
        List<EpcisEvent> events = new ArrayList<>(rds.dispenses().size());
        for (RdsReader.Dispense dispense : rds.dispenses()) {
            events.add(context.event(dispense, pseudonym));
        }
        events.forEach(sink::accept);
        return events.size();
    }

    private static int maxMessageBytes(PartnerProfile profile) {
        String value = profile.convention(MAX_MESSAGE_BYTES, String.valueOf(DEFAULT_MAX_MESSAGE_BYTES)).strip();
        try {
            int max = Integer.parseInt(value);
            if (max >= 1024 && max <= 64 << 20) {
                return max;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw configuration(MAX_MESSAGE_BYTES, value, "must be a number of bytes from 1024 to 67108864");
    }

    private static Hl7DispenseException configuration(String key, String value, String problem) {
        return new Hl7DispenseException(null, Hl7ErrorCode.BAD_CONFIGURATION,
                "partner profile setting " + key + "='" + value + "' " + problem);
    }

    /** The conventions this mapper reads from the profile, checked once per message. */
    private record Settings(String packObxCode, PatientPseudonym pseudonym, Set<String> packUnits,
                            boolean prescriptionTransaction, Set<String> ndcSystems, Set<String> gtinSystems,
                            ZoneOffset offset) {

        static Settings of(PartnerProfile profile) {
            String key = profile.convention(PSEUDONYM_KEY, "");
            PatientPseudonym pseudonym = null;
            if (!key.isBlank()) {
                if (key.length() < PatientPseudonym.MIN_KEY_LENGTH) {
                    // The key itself is a secret: never echo it.
                    throw configuration(PSEUDONYM_KEY, "…", "must have at least " + PatientPseudonym.MIN_KEY_LENGTH + " characters");
                }
                pseudonym = new PatientPseudonym(key);
            }
            String transaction = profile.convention(BIZ_TRANSACTION, "prescription").strip().toLowerCase(Locale.ROOT);
            if (!transaction.equals("prescription") && !transaction.equals("none")) {
                throw configuration(BIZ_TRANSACTION, transaction, "must be 'prescription' or 'none'");
            }
            String zone = profile.eventTimeZoneOffset() == null ? "+00:00" : profile.eventTimeZoneOffset();
            ZoneOffset offset;
            try {
                offset = ZoneOffset.of(zone);
            } catch (RuntimeException e) {
                throw configuration("eventTimeZoneOffset", zone, "must be an offset such as -05:00");
            }
            return new Settings(profile.convention(PACK_OBX_CODE, DEFAULT_PACK_OBX_CODE).strip(), pseudonym,
                    list(profile.convention(PACK_UNITS, DEFAULT_PACK_UNITS)), transaction.equals("prescription"),
                    list(profile.convention(NDC_CODING_SYSTEMS, "NDC")), list(profile.convention(GTIN_CODING_SYSTEMS, "GTIN,GS1")),
                    offset);
        }

        private static Set<String> list(String commaSeparated) {
            return Pattern.compile(",").splitAsStream(commaSeparated).map(s -> s.strip().toUpperCase(Locale.ROOT))
                    .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        }
    }

    /** The product RXD-2 names: its GTIN-14, the company prefix length for EPCs, and whether it came as an NDC. */
    private record Product(String gtin, int companyPrefixLength, boolean fromNdc) {
    }

    /** One scanned pack, checked. */
    private record Pack(String epc, String lot, LocalDate expiry) {
    }

    /** Maps the dispenses of one message. */
    private static final class Context {
        private final PartnerProfile profile;
        private final Settings settings;
        private final Er7Message.Header header;
        private final int currentYear;
        private final CompanyPrefixLengths prefixLengths;

        Context(PartnerProfile profile, Settings settings, Er7Message.Header header, Clock clock) {
            this.profile = profile;
            this.settings = settings;
            this.header = header;
            this.currentYear = OffsetDateTime.now(clock).getYear();
            this.prefixLengths = profile.companyPrefixLengths() == null ? CompanyPrefixLengths.defaults() : profile.companyPrefixLengths();
        }

        EpcisEvent event(RdsReader.Dispense d, String pseudonym) {
            int rxd = d.rxdOccurrence();
            Product product = product(d.giveCode(), rxd);
            OffsetDateTime time = dispenseTime(d.dispenseTime(), rxd);
            List<String> lots = lots(d.lots(), rxd);
            List<LocalDate> expiries = expiries(d.expiries(), rxd);
            List<Pack> packs = packs(d, product, lots, expiries);

            EpcisEvent event = new EpcisEvent(EventType.OBJECT_EVENT)
                    .setAction(Action.OBSERVE)
                    .setBizStep(BIZSTEP_DISPENSING)
                    .setDisposition(DISPOSITION_DISPENSED)
                    .setEventTime(Hl7Time.epcisTime(time))
                    .setEventTimeZoneOffset(Hl7Time.epcisOffset(time.getOffset()));
            Set<String> eventLots = new LinkedHashSet<>();
            Set<LocalDate> eventExpiries = new LinkedHashSet<>();
            if (!packs.isEmpty()) {
                for (Pack p : packs) {
                    event.getEpcList().add(p.epc());
                    eventLots.add(p.lot());
                    if (p.expiry() != null) {
                        eventExpiries.add(p.expiry());
                    }
                }
            } else {
                event.getQuantityList().addAll(classQuantities(product, lots, d, rxd));
                eventLots.addAll(lots);
                eventExpiries.addAll(expiries);
            }
            String location = location();
            if (location != null) {
                event.setReadPoint(Location.of(location)).setBizLocation(Location.of(location));
            }
            BizTransaction prescription = prescription(d);
            if (prescription != null) {
                event.getBizTransactionList().add(prescription);
            }
            // Lot and expiry are event-level extensions, not ILMD: EPCIS allows ILMD only on ADD (commissioning) events.
            eventLots.forEach(lot -> event.getExtensions().add(ExtensionElement.leaf(LOT_NUMBER, lot)));
            eventExpiries.forEach(date -> event.getExtensions().add(ExtensionElement.leaf(ITEM_EXPIRATION_DATE, date.toString())));
            if (pseudonym != null) {
                event.getExtensions().add(ExtensionElement.leaf(PATIENT_PSEUDONYM, pseudonym));
            }
            return event;
        }

        // ------------------------------------------------------------ product (RXD-2)

        private Product product(RdsReader.CodedValue code, int rxd) {
            Hl7Location at = Hl7Location.field("RXD", rxd, 2);
            if (code.id().isEmpty()) {
                throw new Hl7DispenseException(at, Hl7ErrorCode.MISSING_FIELD, "RXD-2 give code is empty: which product was dispensed?");
            }
            String system = code.system().toUpperCase(Locale.ROOT);
            String id = code.id();
            if (!isKnownSystem(system, id) && !code.altId().isEmpty() && isKnownSystem(code.altSystem().toUpperCase(Locale.ROOT), code.altId())) {
                system = code.altSystem().toUpperCase(Locale.ROOT);
                id = code.altId();
                at = at.component(4);
            }
            if (settings.ndcSystems.contains(system) || (system.isEmpty() && looksLikeNdc(id))) {
                return fromNdc(id, at);
            }
            if (settings.gtinSystems.contains(system) || (system.isEmpty() && id.length() == 14)) {
                return fromGtin(id, at);
            }
            throw new Hl7DispenseException(at, Hl7ErrorCode.UNSUPPORTED_CODE_SYSTEM, "coding system '" + echo(code.system())
                    + "' of RXD-2 is not taken; give the product as an NDC (coding system "
                    + String.join("/", settings.ndcSystems) + ") or a GTIN (" + String.join("/", settings.gtinSystems) + ")");
        }

        private boolean isKnownSystem(String system, String id) {
            return settings.ndcSystems.contains(system) || settings.gtinSystems.contains(system)
                    || (system.isEmpty() && (looksLikeNdc(id) || id.length() == 14));
        }

        private static boolean looksLikeNdc(String id) {
            String plain = id.replace("-", "");
            return (plain.length() == 10 || plain.length() == 11) && plain.chars().allMatch(c -> c >= '0' && c <= '9');
        }

        private Product fromNdc(String id, Hl7Location at) {
            String plain = id.replace("-", "");
            if (!plain.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new Hl7DispenseException(at, Hl7ErrorCode.BAD_NDC, "NDC '" + echo(id) + "' must be digits and hyphens");
            }
            Ndc ndc;
            if (plain.length() == 11) {
                Optional<Ndc> known = profile.ndcCatalog() == null ? Optional.empty() : profile.ndcCatalog().findByBillingNdc(plain);
                ndc = known.orElseThrow(() -> new Hl7DispenseException(at, Hl7ErrorCode.UNKNOWN_NDC, "11-digit NDC " + echo(id)
                        + " is not in the partner's product catalog; which segment is zero-padded cannot be told from the digits"));
            } else {
                try {
                    ndc = Ndc.parse(id);
                } catch (Gs1IdentifierException e) {
                    throw new Hl7DispenseException(at, Hl7ErrorCode.BAD_NDC, "'" + echo(id) + "' is not an NDC: "
                            + "10 digits (4-4-2, 5-3-2, 5-4-1) or the 11-digit billing form are expected");
                }
            }
            String gtin = ndc.toGtin14();
            int length = ndc.companyPrefixLength();
            if (length == 0) {
                length = prefixLengths.lengthFor(gtin.substring(1)).orElse(0);
            }
            if (length == 0) {
                throw new Hl7DispenseException(at, Hl7ErrorCode.UNKNOWN_COMPANY_PREFIX, "the labeler code length of NDC "
                        + echo(id) + " is unknown: send it hyphenated or configure the NDC company prefix length");
            }
            return new Product(gtin, length, true);
        }

        private Product fromGtin(String id, Hl7Location at) {
            boolean digits = id.chars().allMatch(c -> c >= '0' && c <= '9');
            if (!digits || !(id.length() == 8 || id.length() == 12 || id.length() == 13 || id.length() == 14)) {
                throw new Hl7DispenseException(at, Hl7ErrorCode.BAD_GTIN, "'" + echo(id) + "' is not a GTIN (8, 12, 13 or 14 digits)");
            }
            String gtin = "0".repeat(14 - id.length()) + id;
            if (!CheckDigit.isValid(gtin)) {
                throw new Hl7DispenseException(at, Hl7ErrorCode.BAD_CHECK_DIGIT, "GTIN " + id + " has check digit "
                        + id.charAt(id.length() - 1) + ", expected " + CheckDigit.compute(gtin.substring(0, 13)));
            }
            OptionalInt length = prefixLengths.lengthFor(gtin.substring(1));
            if (length.isEmpty()) {
                throw new Hl7DispenseException(at, Hl7ErrorCode.UNKNOWN_COMPANY_PREFIX, "the GS1 company prefix length of GTIN "
                        + gtin + " is not configured for this partner");
            }
            return new Product(gtin, length.getAsInt(), false);
        }

        // ------------------------------------------------------------ time, lot, expiry (RXD-3, -18, -19)

        private OffsetDateTime dispenseTime(String value, int rxd) {
            Hl7Location at = Hl7Location.field("RXD", rxd, 3);
            if (value.isEmpty()) {
                throw new Hl7DispenseException(at, Hl7ErrorCode.MISSING_FIELD, "RXD-3 date/time dispensed is empty");
            }
            OffsetDateTime time = Hl7Time.dateTime(value, settings.offset);
            if (time == null) {
                throw new Hl7DispenseException(at, Hl7ErrorCode.BAD_TIMESTAMP, "'" + echo(value)
                        + "' is not an HL7 date/time with at least the day (YYYYMMDD[HHMM[SS]][+/-ZZZZ])");
            }
            return time;
        }

        private static List<String> lots(List<String> values, int rxd) {
            List<String> lots = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                String lot = values.get(i);
                if (lot.isEmpty()) {
                    continue;
                }
                String problem = lot.length() > Gs1Key.MAX_SERIAL_OR_LOT_LENGTH ? "has " + lot.length() + " characters, GS1 AI (10) allows 20"
                        : !Gs1Characters.isSet82(lot) ? "has a character GS1 AI (10) does not allow" : null;
                if (problem != null) {
                    throw new Hl7DispenseException(Hl7Location.field("RXD", rxd, 18).repetition(i + 1), Hl7ErrorCode.BAD_LOT,
                            "lot '" + echo(lot) + "' " + problem);
                }
                lots.add(lot);
            }
            return lots;
        }

        private static List<LocalDate> expiries(List<String> values, int rxd) {
            List<LocalDate> dates = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i).isEmpty()) {
                    continue;
                }
                LocalDate date = Hl7Time.expiryDate(values.get(i));
                if (date == null) {
                    throw new Hl7DispenseException(Hl7Location.field("RXD", rxd, 19).repetition(i + 1), Hl7ErrorCode.BAD_DATE,
                            "'" + echo(values.get(i)) + "' is not an expiry date (YYYYMMDD or YYYYMM)");
                }
                dates.add(date);
            }
            return dates;
        }

        // ------------------------------------------------------------ scanned packs (OBX)

        boolean isPack(RdsReader.Observation obx) {
            if (!settings.packObxCode.isEmpty() && settings.packObxCode.equalsIgnoreCase(obx.code())) {
                return true;
            }
            if (!obx.valueType().isEmpty() && !"ST".equalsIgnoreCase(obx.valueType())) {
                return false;
            }
            for (String value : obx.values()) {
                if (value.startsWith("(01)") || value.startsWith("]d2") || value.startsWith("]Q3") || value.startsWith("]C1")
                        || RAW_SERIALISED_BARCODE.matcher(value).matches()) {
                    return true;
                }
            }
            return false;
        }

        private List<Pack> packs(RdsReader.Dispense d, Product product, List<String> lots, List<LocalDate> expiries) {
            List<Pack> packs = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (RdsReader.Observation obx : d.observations()) {
                if (!isPack(obx)) {
                    continue;
                }
                if (obx.values().isEmpty()) {
                    throw new Hl7DispenseException(Hl7Location.field("OBX", obx.occurrence(), 5), Hl7ErrorCode.MISSING_FIELD,
                            "scanned-pack OBX has no barcode in OBX-5");
                }
                for (int rep = 0; rep < obx.values().size(); rep++) {
                    Hl7Location at = Hl7Location.field("OBX", obx.occurrence(), 5).repetition(rep + 1);
                    Pack pack = pack(obx.values().get(rep), at, product, lots, expiries, d.rxdOccurrence());
                    if (!seen.add(pack.epc())) {
                        throw new Hl7DispenseException(at, Hl7ErrorCode.DUPLICATE_PACK, "pack " + pack.epc()
                                + " is scanned twice in one dispense");
                    }
                    packs.add(pack);
                }
            }
            return packs;
        }

        private Pack pack(String value, Hl7Location at, Product product, List<String> lots, List<LocalDate> expiries, int rxd) {
            if (value.isEmpty()) {
                throw new Hl7DispenseException(at, Hl7ErrorCode.MISSING_FIELD, "empty barcode in a scanned-pack OBX");
            }
            ElementString barcode;
            try {
                barcode = GS1ElementStrings.parse(value, currentYear);
            } catch (Gs1IdentifierException e) {
                boolean checkDigit = e.problem() != null && e.problem().contains("check digit");
                throw new Hl7DispenseException(at, checkDigit ? Hl7ErrorCode.BAD_CHECK_DIGIT : Hl7ErrorCode.BAD_BARCODE,
                        "scanned barcode is not a valid GS1 element string: " + echo(e.problem()));
            }
            if (!barcode.has("01") || !barcode.has("21")) {
                throw new Hl7DispenseException(at, Hl7ErrorCode.BAD_BARCODE, "scanned barcode lacks AI "
                        + (barcode.has("01") ? "(21) serial number" : "(01) GTIN") + "; a dispensed pack is identified by GTIN + serial");
            }
            String gtin = barcode.gtin();
            boolean sameProduct = product.fromNdc() ? gtin.substring(1, 13).equals(product.gtin().substring(1, 13)) : gtin.equals(product.gtin());
            if (!sameProduct) {
                throw new Hl7DispenseException(at, Hl7ErrorCode.PRODUCT_MISMATCH, "scanned pack is GTIN " + gtin
                        + ", but RXD-2 names GTIN " + product.gtin());
            }
            String lot = barcode.lot();
            if (lot == null) {
                if (lots.size() != 1) {
                    throw new Hl7DispenseException(lots.isEmpty() ? Hl7Location.field("RXD", rxd, 18) : at, Hl7ErrorCode.MISSING_LOT,
                            lots.isEmpty() ? "serialised packs are dispensed but neither RXD-18 nor the barcode gives the lot"
                                    : "the barcode has no AI (10) and RXD-18 lists several lots: which one is this pack?");
                }
                lot = lots.get(0);
            } else if (!lots.isEmpty() && !lots.contains(lot)) {
                throw new Hl7DispenseException(at, Hl7ErrorCode.LOT_MISMATCH, "scanned lot '" + echo(lot)
                        + "' is not the lot in RXD-18 ('" + echo(String.join("', '", lots)) + "')");
            }
            LocalDate expiry = barcode.has("17") ? barcode.date("17", currentYear) : null;
            if (expiry == null) {
                expiry = expiries.size() == 1 ? expiries.get(0) : null;
            } else if (!expiries.isEmpty() && !expiries.contains(expiry)) {
                throw new Hl7DispenseException(at, Hl7ErrorCode.EXPIRY_MISMATCH, "scanned expiry " + expiry
                        + " is not the expiry in RXD-19 (" + expiries.stream().map(LocalDate::toString).collect(Collectors.joining(", ")) + ")");
            }
            String epc;
            try {
                epc = Gs1Key.of(Gs1KeyType.SGTIN, gtin, barcode.serial(), product.companyPrefixLength()).toEpcUri();
            } catch (Gs1IdentifierException e) {
                throw new Hl7DispenseException(at, Hl7ErrorCode.BAD_BARCODE, "scanned pack cannot be made an SGTIN: " + echo(e.problem()));
            }
            return new Pack(epc, lot, expiry);
        }

        // ------------------------------------------------------------ class level (no pack scanned)

        private List<QuantityElement> classQuantities(Product product, List<String> lots, RdsReader.Dispense d, int rxd) {
            BigDecimal quantity = null;
            if (!d.quantity().isEmpty() && (d.units().isEmpty() || settings.packUnits.contains(d.units().toUpperCase(Locale.ROOT)))) {
                try {
                    quantity = new BigDecimal(d.quantity());
                } catch (NumberFormatException e) {
                    quantity = null;
                }
                if (quantity == null || quantity.signum() <= 0 || quantity.stripTrailingZeros().scale() > 0) {
                    throw new Hl7DispenseException(Hl7Location.field("RXD", rxd, 4), Hl7ErrorCode.BAD_QUANTITY,
                            "'" + echo(d.quantity()) + "' packs: RXD-4 must be a positive whole number of packs");
                }
                quantity = quantity.stripTrailingZeros().setScale(0);
            }
            // A dose count (tablets, mL) is not a number of GTIN instances, so it is left out rather than mislabelled.
            List<QuantityElement> quantities = new ArrayList<>();
            if (lots.isEmpty()) {
                quantities.add(new QuantityElement(Gs1Key.gtin(product.gtin(), product.companyPrefixLength()).toEpcUri(), quantity, null));
            } else {
                for (String lot : lots) {
                    String lgtin = Gs1Key.lgtin(product.gtin(), lot, product.companyPrefixLength()).toEpcUri();
                    quantities.add(new QuantityElement(lgtin, lots.size() == 1 ? quantity : null, null));
                }
            }
            return quantities;
        }

        // ------------------------------------------------------------ where and why

        /** The profile's location; else the SGLN of the GLN in MSH-4 (sending facility) when it is typed GLN. */
        private String location() {
            if (profile.location() != null && !profile.location().isBlank()) {
                return profile.location();
            }
            String gln = senderGln();
            if (gln == null) {
                return null;
            }
            OptionalInt length = prefixLengths.lengthFor(gln);
            return length.isPresent() ? Gs1Key.sgln(gln, null, length.getAsInt()).toEpcUri() : null;
        }

        private String senderGln() {
            String id = unescape(header.component(4, 2)).strip();
            String type = unescape(header.component(4, 3)).strip();
            if ("GLN".equalsIgnoreCase(type) && id.length() == 13 && CheckDigit.isValid(id)) {
                return id;
            }
            return null;
        }

        /**
         * The prescription number (RXD-7, else the placer order number ORC-2) as a CBV business transaction URI,
         * {@code urn:epcglobal:cbv:bt:<GLN>:<number>}, the GLN being the pharmacy's (MSH-4, else the profile's
         * location or party). Without any GLN the number is scoped by the partner id instead.
         */
        private BizTransaction prescription(RdsReader.Dispense d) {
            if (!settings.prescriptionTransaction) {
                return null;
            }
            String number = !d.prescriptionNumber().isEmpty() ? d.prescriptionNumber() : d.placerOrderNumber();
            if (number.isEmpty()) {
                return null;
            }
            String gln = senderGln();
            if (gln == null) {
                gln = glnOf(profile.location());
            }
            if (gln == null) {
                gln = glnOf(profile.owningParty());
            }
            String value = gln != null ? "urn:epcglobal:cbv:bt:" + gln + ":" + urnEscape(number)
                    : "urn:pharmatrace:partner:" + urnEscape(profile.partnerId()) + ":rx:" + urnEscape(number);
            return new BizTransaction(PRESCRIPTION_BTT, value);
        }

        private static String glnOf(String partyOrLocation) {
            if (partyOrLocation == null || partyOrLocation.isBlank()) {
                return null;
            }
            try {
                Gs1Key key = Gs1Key.parse(partyOrLocation);
                return key.type() == Gs1KeyType.SGLN || key.type() == Gs1KeyType.PGLN ? key.gs1KeyValue() : null;
            } catch (Gs1IdentifierException e) {
                return null;
            }
        }

        /** MSH fields are read raw; the few escapes a facility id might use are undone here. */
        private String unescape(String raw) {
            char e = header.escapeCharacter();
            if (raw.indexOf(e) < 0) {
                return raw;
            }
            return raw.replace(e + "F" + e, String.valueOf(header.fieldSeparator()))
                    .replace(e + "S" + e, String.valueOf(header.componentSeparator()))
                    .replace(e + "T" + e, String.valueOf(header.subcomponentSeparator()))
                    .replace(e + "R" + e, String.valueOf(header.repetitionSeparator()))
                    .replace(e + "E" + e, String.valueOf(e));
        }
    }

    /** Percent-encodes what an RFC 8141 URN component may not hold literally. */
    static String urnEscape(String value) {
        StringBuilder s = new StringBuilder(value.length());
        for (byte b : value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean plain = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || "-._~!$'()*+,;=:@".indexOf(c) >= 0;
            if (plain) {
                s.append(c);
            } else {
                s.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return s.toString();
    }

    /** A value from a dispense segment, shortened and with control characters made visible, for error messages. */
    static String echo(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < value.length() && s.length() < MAX_ECHO; i++) {
            char c = value.charAt(i);
            s.append(c < 0x20 || c == 0x7f ? (c == 0x1D ? "<GS>" : "?") : String.valueOf(c));
        }
        return s.length() >= MAX_ECHO && value.length() > MAX_ECHO ? s + "…" : s.toString();
    }
}
