package org.pharmatrace.mapping.hl7;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Structure;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.ReadOnlyMessageIterator;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses RDS dispense messages with HAPI and reads out the few fields a dispensing event needs, each with its place
 * in the message.
 *
 * <p>Which HAPI structures: HAPI 2.6.0 ships structures up to v2.5 here (no v2.5.1–v2.8 jars), so messages are parsed
 * with a {@link CanonicalModelClassFactory}: RDS^O01 with the v2.3 structures, RDS^O13 of v2.4 with v2.4 and RDS^O13
 * of v2.5 and later with v2.5. That works because HL7 v2 only appends: the RXD, ORC, OBX and PID fields used here
 * keep their positions and types from v2.3 to v2.8, and segments v2.5 does not know (PRT, CDO, …) become generic
 * segments that this reader skips. Fields are read by position, not through version-specific getters, so one reader
 * serves every version. Segments are taken in message order: an ORC opens an order, an RXD in it is one dispense, and
 * the OBX segments after that RXD are its observations (scanned packs among them).
 *
 * <p>Patient segments are never read, except PID-3 when a pseudonym is asked for, and its value only leaves this
 * class as an HMAC.
 */
final class RdsReader {

    /** RXD-2, the dispense give code, as CE/CWE: identifier, text, coding system and the alternate triplet. */
    record CodedValue(String id, String text, String system, String altId, String altText, String altSystem) {
    }

    /** An OBX of a dispense: its occurrence in the message, OBX-2 value type, OBX-3.1 identifier, OBX-5 repetitions. */
    record Observation(int occurrence, String valueType, String code, List<String> values) {
    }

    /** One RXD with what belongs to it. Field values are as HAPI unescaped them, "" when empty. */
    record Dispense(int rxdOccurrence, int orcOccurrence, String placerOrderNumber, CodedValue giveCode,
                    String dispenseTime, String quantity, String units, String prescriptionNumber,
                    List<String> lots, List<String> expiries, List<Observation> observations) {
    }

    /** PID-3 repetition: identifier, assigning authority namespace, identifier type code. */
    record PatientIdentifier(String id, String authority, String type) {
    }

    /**
     * @param orphanObservations OBX segments of an order that come before its RXD (they cannot be a dispense's packs)
     */
    record RdsMessage(List<Dispense> dispenses, List<PatientIdentifier> patientIdentifiers,
                      List<Observation> orphanObservations) {
    }

    private static final Set<String> O01_VERSIONS = Set.of("2.3", "2.3.1", "2.4");
    private static final Set<String> O13_VERSIONS = Set.of("2.4", "2.5", "2.5.1", "2.6", "2.7", "2.7.1", "2.8", "2.8.1", "2.8.2", "2.9");

    private final Map<String, PipeParser> parsers = new HashMap<>();

    /**
     * @throws Hl7DispenseException AR when the message type or version is not taken or HAPI cannot parse it; AE when
     *         it has no RXD
     */
    RdsMessage read(Er7Message message, boolean readPatientIdentifiers) {
        Er7Message.Header header = message.header();
        String structures = structuresFor(header);
        Message parsed;
        try {
            parsed = parser(structures).parse(message.text());
        } catch (HL7Exception | RuntimeException e) {
            // HAPI's message may quote any segment, patient data included: report the kind and place only.
            throw new Hl7DispenseException(Hl7Location.segment("MSH", 1), Hl7ErrorCode.UNPARSEABLE,
                    "HAPI could not parse the message as HL7 v" + header.version() + " " + header.messageCode() + "^"
                            + header.triggerEvent() + " (" + e.getClass().getSimpleName() + safeLocation(e) + ")");
        }
        try {
            return walk(parsed, readPatientIdentifiers);
        } catch (HL7Exception e) {
            throw new Hl7DispenseException(Hl7Location.segment("MSH", 1), Hl7ErrorCode.UNPARSEABLE,
                    "the parsed message could not be read (" + e.getClass().getSimpleName() + safeLocation(e) + ")");
        }
    }

    /** The structure version to parse with, after checking message type and version. */
    static String structuresFor(Er7Message.Header header) {
        if (header.field(9).isEmpty()) {
            throw new Hl7DispenseException(Hl7Location.field("MSH", 1, 9), Hl7ErrorCode.BAD_MSH, "MSH-9 message type is empty");
        }
        String version = header.version();
        if (version.isEmpty()) {
            throw new Hl7DispenseException(Hl7Location.field("MSH", 1, 12), Hl7ErrorCode.BAD_MSH, "MSH-12 version is empty");
        }
        String type = header.messageCode() + "^" + header.triggerEvent();
        if (!"RDS".equals(header.messageCode()) || !Set.of("O01", "O13").contains(header.triggerEvent())) {
            throw new Hl7DispenseException(Hl7Location.field("MSH", 1, 9), Hl7ErrorCode.UNSUPPORTED_MESSAGE_TYPE,
                    "message type " + shorten(type) + " is not taken here; send RDS^O13 (v2.4+) or RDS^O01 (v2.3)");
        }
        if ("O01".equals(header.triggerEvent())) {
            if (!O01_VERSIONS.contains(version)) {
                throw new Hl7DispenseException(Hl7Location.field("MSH", 1, 12), Hl7ErrorCode.UNSUPPORTED_VERSION,
                        "RDS^O01 is taken in versions 2.3, 2.3.1 and 2.4, not '" + shorten(version) + "'");
            }
            return "2.3";
        }
        if (!O13_VERSIONS.contains(version)) {
            throw new Hl7DispenseException(Hl7Location.field("MSH", 1, 12), Hl7ErrorCode.UNSUPPORTED_VERSION,
                    "RDS^O13 is taken in versions 2.4 to 2.9, not '" + shorten(version) + "'");
        }
        return "2.4".equals(version) ? "2.4" : "2.5";
    }

    private synchronized PipeParser parser(String structures) {
        return parsers.computeIfAbsent(structures, v -> {
            HapiContext context = new DefaultHapiContext(new CanonicalModelClassFactory(v));
            context.setValidationContext(ValidationContextFactory.noValidation());
            context.getParserConfiguration().setAllowUnknownVersions(true);
            // Scanned packs are ST; an OBX without OBX-2 is read as ST rather than refused.
            context.getParserConfiguration().setDefaultObx2Type("ST");
            context.getParserConfiguration().setInvalidObx2Type("ST");
            return context.getPipeParser();
        });
    }

    private static RdsMessage walk(Message parsed, boolean readPatientIdentifiers) throws HL7Exception {
        List<Dispense> dispenses = new ArrayList<>();
        List<PatientIdentifier> patient = new ArrayList<>();
        List<Observation> orphans = new ArrayList<>();
        Map<String, Integer> occurrences = new HashMap<>();
        int orcOccurrence = 0;
        String placerOrder = "";
        DispenseBuilder open = null;
        Iterator<Structure> segments = ReadOnlyMessageIterator.createPopulatedSegmentIterator(parsed);
        while (segments.hasNext()) {
            Segment segment = (Segment) segments.next();
            String name = segment.getName();
            int occurrence = occurrences.merge(name, 1, Integer::sum);
            switch (name) {
                case "ORC":
                    if (open != null) {
                        dispenses.add(open.build());
                        open = null;
                    }
                    orcOccurrence = occurrence;
                    placerOrder = get(segment, 2, 0, 1);
                    break;
                case "RXD":
                    if (open != null) {
                        dispenses.add(open.build());
                    }
                    open = new DispenseBuilder(segment, occurrence, orcOccurrence, placerOrder);
                    break;
                case "OBX":
                    Observation observation = new Observation(occurrence, get(segment, 2, 0, 1), get(segment, 3, 0, 1),
                            repetitions(segment, 5, 1));
                    if (open != null) {
                        open.observations.add(observation);
                    } else if (!observation.values().isEmpty()) {
                        orphans.add(observation);
                    }
                    break;
                case "PID":
                    if (readPatientIdentifiers && occurrence == 1) {
                        for (int rep = 0; rep < reps(segment, 3); rep++) {
                            patient.add(new PatientIdentifier(get(segment, 3, rep, 1), sub(segment, 3, rep, 4, 1),
                                    get(segment, 3, rep, 5)));
                        }
                    }
                    break;
                default:
                    break;
            }
        }
        if (open != null) {
            dispenses.add(open.build());
        }
        if (dispenses.isEmpty()) {
            throw new Hl7DispenseException(Hl7Location.segment("RXD", 1), Hl7ErrorCode.MISSING_SEGMENT,
                    "the message has no RXD segment: nothing was dispensed (a truncated message?)");
        }
        return new RdsMessage(List.copyOf(dispenses), List.copyOf(patient), List.copyOf(orphans));
    }

    /** Collects one dispense while the walk is inside it. */
    private static final class DispenseBuilder {
        private final Dispense head;
        private final List<Observation> observations = new ArrayList<>();

        DispenseBuilder(Segment rxd, int occurrence, int orcOccurrence, String placerOrder) throws HL7Exception {
            CodedValue code = new CodedValue(get(rxd, 2, 0, 1), get(rxd, 2, 0, 2), get(rxd, 2, 0, 3),
                    get(rxd, 2, 0, 4), get(rxd, 2, 0, 5), get(rxd, 2, 0, 6));
            head = new Dispense(occurrence, orcOccurrence, placerOrder, code, get(rxd, 3, 0, 1), get(rxd, 4, 0, 1),
                    get(rxd, 5, 0, 1), get(rxd, 7, 0, 1), repetitions(rxd, 18, 1), repetitions(rxd, 19, 1), List.of());
        }

        Dispense build() {
            return new Dispense(head.rxdOccurrence(), head.orcOccurrence(), head.placerOrderNumber(), head.giveCode(),
                    head.dispenseTime(), head.quantity(), head.units(), head.prescriptionNumber(), head.lots(),
                    head.expiries(), List.copyOf(observations));
        }
    }

    private static int reps(Segment segment, int field) throws HL7Exception {
        return field <= segment.numFields() ? segment.getField(field).length : 0;
    }

    /** Component of one repetition, stripped, "" when absent. */
    private static String get(Segment segment, int field, int rep, int component) throws HL7Exception {
        return sub(segment, field, rep, component, 1);
    }

    private static String sub(Segment segment, int field, int rep, int component, int subcomponent) throws HL7Exception {
        if (rep >= reps(segment, field)) {
            return "";
        }
        String value = Terser.get(segment, field, rep, component, subcomponent);
        return value == null ? "" : value.strip();
    }

    /** The given component of every repetition of a field, empty repetitions kept so positions stay right. */
    private static List<String> repetitions(Segment segment, int field, int component) throws HL7Exception {
        int count = reps(segment, field);
        List<String> values = new ArrayList<>(count);
        for (int rep = 0; rep < count; rep++) {
            values.add(get(segment, field, rep, component));
        }
        while (!values.isEmpty() && values.get(values.size() - 1).isEmpty()) {
            values.remove(values.size() - 1);
        }
        return values;
    }

    private static String safeLocation(Exception e) {
        if (e instanceof HL7Exception && ((HL7Exception) e).getLocation() != null) {
            ca.uhn.hl7v2.Location l = ((HL7Exception) e).getLocation();
            if (l.getSegmentName() != null) {
                return " at " + l.getSegmentName() + (l.getField() > 0 ? "-" + l.getField() : "");
            }
        }
        return "";
    }

    static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
