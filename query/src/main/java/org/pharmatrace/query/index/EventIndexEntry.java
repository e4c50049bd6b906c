package org.pharmatrace.query.index;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.pharmatrace.epcis.cbv.CbvVocabulary;
import org.pharmatrace.epcis.model.BizTransaction;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.epcis.model.Location;
import org.pharmatrace.epcis.model.QuantityElement;
import org.pharmatrace.epcis.model.SourceDestination;
import org.pharmatrace.query.ledger.CommittedEvent;

/**
 * Everything the index keeps about one committed event: the columns of {@code epcis_event} and the rows of its
 * child tables, derived from the event JSON alone (plus the ledger's facts and the party directory). The same
 * derivation serves indexing, the bulk loader and verification, which re-derives an indexed event's rows from its
 * JSON to find rows altered in the database.
 */
public final class EventIndexEntry {

    public static final char EPC_LIST = 'e';
    public static final char PARENT_ID = 'p';
    public static final char CHILD_EPCS = 'c';
    public static final char INPUT = 'i';
    public static final char OUTPUT = 'o';
    public static final char QUANTITY_LIST = 'q';

    public static final char SOURCE = 's';
    public static final char DESTINATION = 'd';

    public static final char SCOPE_ILMD = 'i';
    public static final char SCOPE_EXTENSION = 'x';
    public static final char SCOPE_ERROR_DECLARATION = 'e';
    public static final char SCOPE_READ_POINT = 'r';
    public static final char SCOPE_BIZ_LOCATION = 'b';

    /** One instance-level identifier. */
    public record Epc(char role, String epc, String urn, String key) {
    }

    /** One class-level quantity. */
    public record EpcClass(char role, String epcClass, String key, BigDecimal quantity, String uom) {
    }

    /** One business transaction; type as a bare CBV name, another URI, or "" when the event gives none. */
    public record BizTx(String type, String value, String key) {
    }

    /** One source or destination, with the organisation its party belongs to (or null). */
    public record Party(char kind, String type, String value, String key, String organisation) {
    }

    /** One ILMD or extension field. */
    public record Field(char scope, boolean top, String namespace, String name, String text, BigDecimal number,
            Instant time) {
    }

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    public final CommittedEvent source;
    public final String eventType;
    public final String action;
    public final String bizStep;
    public final String disposition;
    public final String readPoint;
    public final String bizLocation;
    public final Instant eventTime;
    public final String eventTimeZoneOffset;
    public final List<Epc> epcs = new ArrayList<>();
    public final List<EpcClass> classes = new ArrayList<>();
    public final List<BizTx> bizTransactions = new ArrayList<>();
    public final List<Party> parties = new ArrayList<>();
    public final List<Field> fields = new ArrayList<>();
    /** Organisations that may see the event because a party of theirs is in it (the recorder aside). */
    public final Set<String> partyOrganisations = new LinkedHashSet<>();

    private EventIndexEntry(CommittedEvent source, EpcisEvent event, PartyDirectory parties) {
        this.source = source;
        this.eventType = event.getType() == null ? null : event.getType().localName();
        this.action = event.getAction() == null ? null : event.getAction().name();
        this.bizStep = event.getBizStep() == null ? null : CbvVocabulary.BIZ_STEP.toUrn(event.getBizStep());
        this.disposition = event.getDisposition() == null ? null : CbvVocabulary.DISPOSITION.toUrn(event.getDisposition());
        this.readPoint = locationKey(event.getReadPoint());
        this.bizLocation = locationKey(event.getBizLocation());
        this.eventTime = parseTime(event.getEventTime());
        this.eventTimeZoneOffset = event.getEventTimeZoneOffset();
        if (eventType == null || eventTime == null) {
            throw new IllegalArgumentException("event " + source.eventHash() + " has no type or no readable eventTime");
        }

        if (event.getParentId() != null) {
            addEpc(PARENT_ID, event.getParentId());
        }
        event.getEpcList().forEach(epc -> addEpc(EPC_LIST, epc));
        event.getChildEpcs().forEach(epc -> addEpc(CHILD_EPCS, epc));
        event.getInputEpcList().forEach(epc -> addEpc(INPUT, epc));
        event.getOutputEpcList().forEach(epc -> addEpc(OUTPUT, epc));
        event.getQuantityList().forEach(q -> addClass(QUANTITY_LIST, q));
        event.getChildQuantityList().forEach(q -> addClass(CHILD_EPCS, q));
        event.getInputQuantityList().forEach(q -> addClass(INPUT, q));
        event.getOutputQuantityList().forEach(q -> addClass(OUTPUT, q));

        for (BizTransaction bt : event.getBizTransactionList()) {
            bizTransactions.add(new BizTx(typeName(CbvVocabulary.BIZ_TRANSACTION_TYPE, bt.type()), bt.value(),
                    Identifiers.key(bt.value())));
        }
        for (SourceDestination s : event.getSourceList()) {
            addParty(SOURCE, s, parties);
        }
        for (SourceDestination d : event.getDestinationList()) {
            addParty(DESTINATION, d, parties);
        }

        if (event.getIlmd() != null) {
            addFields(SCOPE_ILMD, event.getIlmd(), true);
        }
        addFields(SCOPE_EXTENSION, event.getExtensions(), true);
        if (event.getErrorDeclaration() != null) {
            addFields(SCOPE_ERROR_DECLARATION, event.getErrorDeclaration().extensions(), true);
        }
        if (event.getReadPoint() != null) {
            addFields(SCOPE_READ_POINT, event.getReadPoint().extensions(), true);
        }
        if (event.getBizLocation() != null) {
            addFields(SCOPE_BIZ_LOCATION, event.getBizLocation().extensions(), true);
        }
    }

    /** Derives the entry of an event the ledger committed; {@code event} is {@code source.eventJson()} read. */
    public static EventIndexEntry of(CommittedEvent source, EpcisEvent event, PartyDirectory parties) {
        return new EventIndexEntry(source, event, parties);
    }

    /** Reads the event JSON and derives the entry. */
    public static EventIndexEntry of(CommittedEvent source, PartyDirectory parties) {
        return new EventIndexEntry(source, EventJson.read(source.eventJson()), parties);
    }

    /** Every organisation that may see the event: its recorder and the owners of its parties. */
    public Set<String> visibleTo() {
        Set<String> all = new LinkedHashSet<>();
        all.add(source.recordedBy());
        all.addAll(partyOrganisations);
        return all;
    }

    private void addEpc(char role, String epc) {
        epcs.add(new Epc(role, epc, Identifiers.urn(epc), Identifiers.key(epc)));
    }

    private void addClass(char role, QuantityElement q) {
        classes.add(new EpcClass(role, q.epcClass(), Identifiers.key(q.epcClass()), q.quantity(), q.uom()));
    }

    private void addParty(char kind, SourceDestination sd, PartyDirectory directory) {
        String organisation = directory.organisationOf(sd.value()).orElse(null);
        parties.add(new Party(kind, typeName(CbvVocabulary.SOURCE_DESTINATION_TYPE, sd.type()), sd.value(),
                Identifiers.key(sd.value()), organisation));
        if (organisation != null) {
            partyOrganisations.add(organisation);
        }
    }

    private void addFields(char scope, List<ExtensionElement> elements, boolean top) {
        for (ExtensionElement e : elements) {
            String text = e.isLeaf() ? e.text() : null;
            fields.add(new Field(scope, top, e.name().getNamespaceURI(), e.name().getLocalPart(), text,
                    number(text), time(text)));
            if (!e.isLeaf()) {
                addFields(scope, e.children(), false);
            }
        }
    }

    /** A CBV term as its bare name (owning_party, po), anything else as given, "" for none. */
    public static String typeName(CbvVocabulary vocabulary, String type) {
        return type == null ? "" : vocabulary.toBareName(type);
    }

    private static String locationKey(Location location) {
        return location == null ? null : Identifiers.key(location.id());
    }

    /** An EPCIS time (ISO 8601 with offset or Z) as an instant; {@code null} when absent or unreadable. */
    public static Instant parseTime(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(text.trim()).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    static BigDecimal number(String text) {
        if (text == null || text.length() > 60 || !NUMBER.matcher(text.trim()).matches()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A field value as a time: a date-time, or a date (midnight UTC), as expiry dates are written. */
    static Instant time(String text) {
        if (text == null || text.length() < 10 || text.length() > 40) {
            return null;
        }
        Instant t = parseTime(text);
        if (t != null) {
            return t;
        }
        try {
            return LocalDate.parse(text.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return eventType + "[" + source.eventHash() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventIndexEntry other && Objects.equals(source, other.source);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }
}
