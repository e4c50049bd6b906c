package org.pharmatrace.mapping.serial;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import javax.xml.namespace.QName;
import org.pharmatrace.epcis.cbv.EpcisNamespaces;
import org.pharmatrace.epcis.model.Action;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.EventType;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.epcis.model.Location;
import org.pharmatrace.gs1.CheckDigit;
import org.pharmatrace.gs1.CompanyPrefixLengths;
import org.pharmatrace.gs1.Gs1Characters;
import org.pharmatrace.gs1.Gs1IdentifierException;
import org.pharmatrace.gs1.Gs1Key;
import org.pharmatrace.mapping.EpcisEventSink;
import org.pharmatrace.mapping.PartnerFormat;
import org.pharmatrace.mapping.PartnerFormatException;
import org.pharmatrace.mapping.PartnerFormatMapper;
import org.pharmatrace.mapping.PartnerProfile;

/**
 * Maps a contract manufacturer's serial-number file (CSV: {@code gtin,serial,lot,expiry,production_date,site_gln})
 * to commissioning ObjectEvents (ADD, bizStep commissioning, disposition active, ILMD lot and expiry). The file is
 * streamed: consecutive rows of one product, lot, expiry, site and production date become one event of at most
 * {@code serial.maxEpcsPerEvent} EPCs, sent to the sink as soon as it is complete. Fails fast on the first bad row,
 * naming the line and the column. Conventions are documented in the module README.
 */
public final class SerialCsvMapper implements PartnerFormatMapper {

    /** Convention: maximum EPCs in one commissioning event (default 1000). */
    public static final String MAX_EPCS_PER_EVENT = "serial.maxEpcsPerEvent";
    /** Convention: field delimiter, one character (default ","). */
    public static final String DELIMITER = "serial.delimiter";
    /** Convention: a fixed event time (ISO 8601 with offset) used instead of the production date. */
    public static final String EVENT_TIME = "serial.eventTime";
    /** Convention: whether the production date also goes into the ILMD as gs1:productionDate (default true). */
    public static final String PRODUCTION_DATE_IN_ILMD = "serial.productionDateInIlmd";

    static final int DEFAULT_MAX_EPCS_PER_EVENT = 1000;
    static final int LIMIT_MAX_EPCS_PER_EVENT = 100_000;

    static final String COL_GTIN = "gtin";
    static final String COL_SERIAL = "serial";
    static final String COL_LOT = "lot";
    static final String COL_EXPIRY = "expiry";
    static final String COL_PRODUCTION_DATE = "production_date";
    static final String COL_SITE_GLN = "site_gln";
    private static final List<String> REQUIRED_COLUMNS = List.of(COL_GTIN, COL_SERIAL, COL_LOT, COL_EXPIRY);
    private static final List<String> KNOWN_COLUMNS = List.of(COL_GTIN, COL_SERIAL, COL_LOT, COL_EXPIRY,
            COL_PRODUCTION_DATE, COL_SITE_GLN);

    static final String BIZSTEP_COMMISSIONING = "urn:epcglobal:cbv:bizstep:commissioning";
    static final String DISPOSITION_ACTIVE = "urn:epcglobal:cbv:disp:active";
    static final QName LOT_NUMBER = new QName(EpcisNamespaces.CBV_MASTER_DATA_ATTRIBUTES, "lotNumber", "cbvmda");
    static final QName ITEM_EXPIRATION_DATE = new QName(EpcisNamespaces.CBV_MASTER_DATA_ATTRIBUTES, "itemExpirationDate", "cbvmda");
    /** Not a CBV master data attribute: the GS1 Web Vocabulary term for AI (11), which the EPCIS JSON-LD context maps as gs1:. */
    static final QName PRODUCTION_DATE = new QName(EpcisNamespaces.GS1_WEB_VOCABULARY, "productionDate", "gs1");

    private static final DateTimeFormatter EVENT_TIME_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private final Clock clock;

    public SerialCsvMapper() {
        this(Clock.systemUTC());
    }

    /** @param clock decides the century of two-digit (YYMMDD) years */
    public SerialCsvMapper(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public PartnerFormat format() {
        return PartnerFormat.SERIAL_CSV;
    }

    @Override
    public long map(InputStream document, PartnerProfile profile, EpcisEventSink sink) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(sink, "sink");
        Settings settings = Settings.of(profile);
        CsvRecordReader reader = new CsvRecordReader(document, settings.delimiter);
        Header header = readHeader(reader);
        Run run = new Run(profile, settings, header, sink, OffsetDateTime.now(clock).getYear());
        List<String> record;
        while ((record = reader.next()) != null) {
            // Blank lines, and the all-empty rows spreadsheets leave at the end of an export, carry nothing.
            if (record.stream().allMatch(String::isBlank)) {
                continue;
            }
            run.row(reader.recordLine(), record);
        }
        run.flush();
        if (run.rows == 0) {
            throw new PartnerFormatException("line " + Math.max(1, reader.recordLine()), "NO_ROWS",
                    "the file has a header but no serial numbers");
        }
        return run.events;
    }

    /** Column positions by lower-case name, and how many fields every row must have. */
    private record Header(Map<String, Integer> columns, int fieldCount) {
    }

    private static Header readHeader(CsvRecordReader reader) {
        List<String> header = reader.next();
        while (header != null && header.size() == 1 && header.get(0).isBlank()) {
            header = reader.next();
        }
        if (header == null) {
            throw new PartnerFormatException("line 1", "EMPTY_FILE", "the file is empty; expected a header row "
                    + String.join(",", KNOWN_COLUMNS));
        }
        String location = "line " + reader.recordLine();
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && columns.putIfAbsent(name, i) != null) {
                throw new PartnerFormatException(location, "DUPLICATE_COLUMN", "column '" + name + "' appears twice in the header");
            }
        }
        if (columns.keySet().stream().noneMatch(KNOWN_COLUMNS::contains)) {
            throw new PartnerFormatException(location, "MISSING_HEADER", "the first row is not a header: expected column "
                    + "names " + String.join(",", KNOWN_COLUMNS) + " (in any order)");
        }
        for (String required : REQUIRED_COLUMNS) {
            if (!columns.containsKey(required)) {
                throw new PartnerFormatException(location, "MISSING_COLUMN", "the header has no column '" + required
                        + "'; required are " + String.join(",", REQUIRED_COLUMNS));
            }
        }
        return new Header(columns, header.size());
    }

    /** The conventions this mapper reads from the profile, checked once. */
    private record Settings(char delimiter, int maxEpcsPerEvent, String fixedEventTime, String fixedOffset,
                            boolean productionDateInIlmd, ZoneOffset offset) {

        static Settings of(PartnerProfile profile) {
            String delimiter = profile.convention(DELIMITER, ",");
            if (delimiter.length() != 1 || delimiter.charAt(0) == '"' || delimiter.charAt(0) == '\n' || delimiter.charAt(0) == '\r') {
                throw configuration(DELIMITER, delimiter, "must be one character other than a quote or line break");
            }
            int max;
            try {
                max = Integer.parseInt(profile.convention(MAX_EPCS_PER_EVENT, String.valueOf(DEFAULT_MAX_EPCS_PER_EVENT)).strip());
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max < 1 || max > LIMIT_MAX_EPCS_PER_EVENT) {
                throw configuration(MAX_EPCS_PER_EVENT, profile.convention(MAX_EPCS_PER_EVENT, ""),
                        "must be a whole number from 1 to " + LIMIT_MAX_EPCS_PER_EVENT);
            }
            String fixedTime = null;
            String fixedOffset = null;
            String configuredTime = profile.convention(EVENT_TIME, "").strip();
            if (!configuredTime.isEmpty()) {
                try {
                    OffsetDateTime t = OffsetDateTime.parse(configuredTime);
                    fixedTime = configuredTime;
                    fixedOffset = t.getOffset().getTotalSeconds() == 0 ? "+00:00" : t.getOffset().getId();
                } catch (DateTimeParseException e) {
                    throw configuration(EVENT_TIME, configuredTime, "must be an ISO 8601 date-time with offset, e.g. 2025-11-01T06:00:00-05:00");
                }
            }
            ZoneOffset offset;
            String zone = profile.eventTimeZoneOffset() == null ? "+00:00" : profile.eventTimeZoneOffset();
            try {
                offset = ZoneOffset.of(zone);
            } catch (RuntimeException e) {
                throw configuration("eventTimeZoneOffset", zone, "must be an offset such as -05:00");
            }
            boolean ilmdProductionDate = Boolean.parseBoolean(profile.convention(PRODUCTION_DATE_IN_ILMD, "true").strip());
            return new Settings(delimiter.charAt(0), max, fixedTime, fixedOffset, ilmdProductionDate, offset);
        }

        private static PartnerFormatException configuration(String key, String value, String problem) {
            return new PartnerFormatException("profile " + key, "BAD_CONFIGURATION",
                    "partner profile setting " + key + "='" + value + "' " + problem);
        }
    }

    /** What rows with the same value share: they go into one event. */
    private record GroupKey(String gtin, String lot, LocalDate expiry, String siteSgln, LocalDate productionDate) {
    }

    /** The state of one file's mapping: the open event and the serials seen. */
    private static final class Run {
        private final Settings settings;
        private final EpcisEventSink sink;
        private final int currentYear;
        private final int fieldCount;
        private final int gtinColumn;
        private final int serialColumn;
        private final int lotColumn;
        private final int expiryColumn;
        private final int productionDateColumn;
        private final int siteColumn;
        private final CompanyPrefixLengths prefixLengths;
        private final SerialFingerprints seen = new SerialFingerprints();
        private final Map<String, String> sglnByGln = new HashMap<>();
        private final String defaultSite;

        private GroupKey openKey;
        private final List<String> openEpcs = new ArrayList<>();
        private long rows;
        private long events;

        Run(PartnerProfile profile, Settings settings, Header header, EpcisEventSink sink, int currentYear) {
            Map<String, Integer> columns = header.columns();
            this.settings = settings;
            this.sink = sink;
            this.currentYear = currentYear;
            this.fieldCount = header.fieldCount();
            this.gtinColumn = columns.get(COL_GTIN);
            this.serialColumn = columns.get(COL_SERIAL);
            this.lotColumn = columns.get(COL_LOT);
            this.expiryColumn = columns.get(COL_EXPIRY);
            this.productionDateColumn = columns.getOrDefault(COL_PRODUCTION_DATE, -1);
            this.siteColumn = columns.getOrDefault(COL_SITE_GLN, -1);
            this.prefixLengths = profile.companyPrefixLengths() == null ? CompanyPrefixLengths.defaults() : profile.companyPrefixLengths();
            this.defaultSite = profile.location();
        }

        void row(int line, List<String> record) {
            String location = "line " + line;
            if (record.size() != fieldCount) {
                throw new PartnerFormatException(location, "WRONG_COLUMN_COUNT", "the row has " + record.size()
                        + " fields, the header has " + fieldCount);
            }
            rows++;
            String gtin = gtin(location, record.get(gtinColumn).strip());
            String serial = record.get(serialColumn).strip();
            String epc = sgtin(location, gtin, serial);
            String lot = lot(location, record.get(lotColumn).strip());
            LocalDate expiry = date(location, COL_EXPIRY, record.get(expiryColumn).strip(), true, true);
            LocalDate productionDate = productionDateColumn < 0 ? null
                    : date(location, COL_PRODUCTION_DATE, record.get(productionDateColumn).strip(), false, settings.fixedEventTime == null);
            if (productionDate == null && settings.fixedEventTime == null) {
                throw new PartnerFormatException(location, "MISSING_EVENT_TIME", "no production_date column and no "
                        + EVENT_TIME + " configured: the commissioning time is unknown");
            }
            String site = site(location, siteColumn < 0 ? "" : record.get(siteColumn).strip());
            int firstLine = seen.addOrGetLine(gtin, serial, line);
            if (firstLine != 0) {
                throw new PartnerFormatException(location, "DUPLICATE_SERIAL", "column '" + COL_SERIAL + "': serial '"
                        + serial + "' of GTIN " + gtin + " already appears on line " + firstLine);
            }
            GroupKey key = new GroupKey(gtin, lot, expiry, site, productionDate);
            if (!key.equals(openKey) || openEpcs.size() >= settings.maxEpcsPerEvent) {
                flush();
                openKey = key;
            }
            openEpcs.add(epc);
        }

        void flush() {
            if (openEpcs.isEmpty()) {
                return;
            }
            EpcisEvent event = new EpcisEvent(EventType.OBJECT_EVENT)
                    .setAction(Action.ADD)
                    .setBizStep(BIZSTEP_COMMISSIONING)
                    .setDisposition(DISPOSITION_ACTIVE);
            if (settings.fixedEventTime != null) {
                event.setEventTime(settings.fixedEventTime).setEventTimeZoneOffset(settings.fixedOffset);
            } else {
                event.setEventTime(EVENT_TIME_FORMAT.format(openKey.productionDate.atStartOfDay().atOffset(settings.offset)))
                        .setEventTimeZoneOffset(settings.offset.getTotalSeconds() == 0 ? "+00:00" : settings.offset.getId());
            }
            event.getEpcList().addAll(openEpcs);
            if (openKey.siteSgln != null) {
                event.setReadPoint(Location.of(openKey.siteSgln)).setBizLocation(Location.of(openKey.siteSgln));
            }
            List<ExtensionElement> ilmd = new ArrayList<>(3);
            ilmd.add(ExtensionElement.leaf(LOT_NUMBER, openKey.lot));
            ilmd.add(ExtensionElement.leaf(ITEM_EXPIRATION_DATE, openKey.expiry.toString()));
            if (settings.productionDateInIlmd && openKey.productionDate != null) {
                ilmd.add(ExtensionElement.leaf(PRODUCTION_DATE, openKey.productionDate.toString()));
            }
            event.setIlmd(ilmd);
            openEpcs.clear();
            events++;
            sink.accept(event);
        }

        private static String gtin(String location, String value) {
            String column = "column '" + COL_GTIN + "': ";
            if (value.isEmpty()) {
                throw new PartnerFormatException(location, "MISSING_GTIN", column + "no GTIN");
            }
            boolean digits = value.chars().allMatch(c -> c >= '0' && c <= '9');
            if (!digits || !(value.length() == 8 || value.length() == 12 || value.length() == 13 || value.length() == 14)) {
                throw new PartnerFormatException(location, "BAD_GTIN", column + "'" + value
                        + "' is not a GTIN (8, 12, 13 or 14 digits)");
            }
            String gtin14 = "0".repeat(14 - value.length()) + value;
            if (!CheckDigit.isValid(gtin14)) {
                throw new PartnerFormatException(location, "BAD_CHECK_DIGIT", column + "GTIN " + value + " has check digit "
                        + value.charAt(value.length() - 1) + ", expected " + CheckDigit.compute(gtin14.substring(0, 13)));
            }
            return gtin14;
        }

        private String sgtin(String location, String gtin14, String serial) {
            String column = "column '" + COL_SERIAL + "': ";
            if (serial.isEmpty()) {
                throw new PartnerFormatException(location, "MISSING_SERIAL", column + "no serial number");
            }
            if (serial.length() > Gs1Key.MAX_SERIAL_OR_LOT_LENGTH) {
                throw new PartnerFormatException(location, "BAD_SERIAL", column + "serial '" + serial + "' has "
                        + serial.length() + " characters; GS1 AI (21) allows at most 20");
            }
            int bad = Gs1Characters.firstOutsideSet82(serial);
            if (bad >= 0) {
                throw new PartnerFormatException(location, "BAD_SERIAL", column + "serial '" + serial + "' contains "
                        + Gs1Characters.describe(serial.charAt(bad)) + ", not allowed in GS1 AI (21) (GS1 character set 82)");
            }
            OptionalInt prefixLength = prefixLengths.lengthFor(gtin14.substring(1));
            if (prefixLength.isEmpty()) {
                throw new PartnerFormatException(location, "UNKNOWN_COMPANY_PREFIX", "column '" + COL_GTIN + "': the GS1 "
                        + "company prefix length of GTIN " + gtin14 + " is not configured for this partner");
            }
            try {
                return Gs1Key.sgtin(gtin14, serial, prefixLength.getAsInt()).toEpcUri();
            } catch (Gs1IdentifierException e) {
                throw new PartnerFormatException(location, "BAD_SERIAL", column + e.getMessage());
            }
        }

        private static String lot(String location, String lot) {
            String column = "column '" + COL_LOT + "': ";
            if (lot.isEmpty()) {
                throw new PartnerFormatException(location, "MISSING_LOT", column + "no lot number; commissioning needs the lot");
            }
            if (lot.length() > Gs1Key.MAX_SERIAL_OR_LOT_LENGTH) {
                throw new PartnerFormatException(location, "BAD_LOT", column + "lot '" + lot + "' has " + lot.length()
                        + " characters; GS1 AI (10) allows at most 20");
            }
            int bad = Gs1Characters.firstOutsideSet82(lot);
            if (bad >= 0) {
                throw new PartnerFormatException(location, "BAD_LOT", column + "lot '" + lot + "' contains "
                        + Gs1Characters.describe(lot.charAt(bad)) + ", not allowed in GS1 AI (10) (GS1 character set 82)");
            }
            return lot;
        }

        private LocalDate date(String location, String column, String value, boolean expiry, boolean required) {
            if (value.isEmpty()) {
                if (!required) {
                    return null;
                }
                throw new PartnerFormatException(location, expiry ? "MISSING_EXPIRY" : "MISSING_PRODUCTION_DATE",
                        "column '" + column + "': no date");
            }
            LocalDate date = SerialFileDates.parse(value, expiry, currentYear);
            if (date == null) {
                throw new PartnerFormatException(location, "BAD_DATE", "column '" + column + "': '" + value
                        + "' is not a valid date (YYYY-MM-DD or YYMMDD" + (expiry ? ", day 00 = end of month)" : ")"));
            }
            return date;
        }

        private String site(String location, String gln) {
            if (gln.isEmpty()) {
                return defaultSite;
            }
            String cached = sglnByGln.get(gln);
            if (cached != null) {
                return cached;
            }
            String column = "column '" + COL_SITE_GLN + "': ";
            if (gln.length() != 13 || !gln.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new PartnerFormatException(location, "BAD_GLN", column + "'" + gln + "' is not a GLN (13 digits)");
            }
            if (!CheckDigit.isValid(gln)) {
                throw new PartnerFormatException(location, "BAD_CHECK_DIGIT", column + "GLN " + gln + " has check digit "
                        + gln.charAt(12) + ", expected " + CheckDigit.compute(gln.substring(0, 12)));
            }
            OptionalInt prefixLength = prefixLengths.lengthFor(gln);
            if (prefixLength.isEmpty()) {
                throw new PartnerFormatException(location, "UNKNOWN_COMPANY_PREFIX", column + "the GS1 company prefix "
                        + "length of GLN " + gln + " is not configured for this partner");
            }
            String sgln = Gs1Key.sgln(gln, null, prefixLength.getAsInt()).toEpcUri();
            if (sglnByGln.size() < 1000) {
                sglnByGln.put(gln, sgln);
            }
            return sgln;
        }
    }
}
