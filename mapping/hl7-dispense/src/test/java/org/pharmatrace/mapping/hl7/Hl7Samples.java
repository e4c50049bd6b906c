package org.pharmatrace.mapping.hl7;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.gs1.CompanyPrefixLengths;
import org.pharmatrace.gs1.InMemoryNdcProductCatalog;
import org.pharmatrace.mapping.PartnerProfile;

/** The corpus messages, messages built for tests, and the profile of the corpus pharmacy. */
final class Hl7Samples {

    static final String V25 = "pharmacy-rds-o13-v25.hl7";
    static final String V28_1 = "ms-fhir-converter_RDS-O13-01.hl7";
    static final String V28_2 = "ms-fhir-converter_RDS-O13-02.hl7";

    static final String PHARMACY_SGLN = "urn:epc:id:sgln:0614141.00003.0";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-21T15:00:00Z"), ZoneOffset.UTC);

    /** Patient data of the corpus messages: none of it may appear in an event, an error or an ACK. */
    static final List<String> V25_PATIENT = List.of("DOE", "JANE", "PAT-4471", "19700412", "12 Elm St", "Springfield", "62704");
    static final List<String> V28_PATIENT = List.of("EVERYMAN", "Aniston", "PATID1234", "123456789", "19880818",
            "1000&Hospital Lane", "Hospital Lane", "Ann Arbor", "Angela", "78788788", "4000776", "HOMERTON");

    private Hl7Samples() {
    }

    static PartnerProfile profile() {
        return profile(Map.of());
    }

    static PartnerProfile profile(Map<String, String> conventions) {
        return new PartnerProfile("corner-pharmacy", null, PHARMACY_SGLN, "-05:00",
                CompanyPrefixLengths.defaults().with("0614141", 7),
                new InMemoryNdcProductCatalog().add("12345-6789-0"), conventions);
    }

    static byte[] corpus(String name) {
        try {
            return Files.readAllBytes(Path.of(System.getProperty("hub.corpus.dir"), "hl7", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String corpusText(String name) {
        return new String(corpus(name), StandardCharsets.ISO_8859_1);
    }

    /** Segments joined with CR, as HL7 wants them. */
    static byte[] message(String... segments) {
        return String.join("\r", segments).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The corpus v2.5 message with one segment (found by its start) replaced. */
    static byte[] v25With(String segmentStart, String replacement) {
        List<String> segments = new ArrayList<>(List.of(corpusText(V25).split("\r")));
        boolean replaced = false;
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).startsWith(segmentStart)) {
                segments.set(i, replacement);
                replaced = true;
                break;
            }
        }
        if (!replaced) {
            throw new IllegalArgumentException("no segment starts with " + segmentStart);
        }
        return message(segments.toArray(String[]::new));
    }

    static List<EpcisEvent> map(byte[] message, PartnerProfile profile) {
        List<EpcisEvent> events = new ArrayList<>();
        new Hl7DispenseMapper(CLOCK).map(message, profile, events::add);
        return events;
    }

    static Hl7DispenseException failure(byte[] message, PartnerProfile profile) {
        try {
            map(message, profile);
        } catch (Hl7DispenseException e) {
            return e;
        }
        throw new AssertionError("expected an Hl7DispenseException");
    }

    /** Every field of an event, extensions included, as text: what could leak, in one string. */
    static String dump(EpcisEvent e) {
        StringBuilder s = new StringBuilder();
        s.append(e.getType()).append(' ').append(e.getEventTime()).append(' ').append(e.getEventTimeZoneOffset())
                .append(' ').append(e.getEventId()).append(' ').append(e.getAction()).append(' ').append(e.getBizStep())
                .append(' ').append(e.getDisposition()).append(' ').append(e.getParentId())
                .append(' ').append(e.getEpcList()).append(' ').append(e.getChildEpcs())
                .append(' ').append(e.getQuantityList()).append(' ').append(e.getReadPoint()).append(' ').append(e.getBizLocation())
                .append(' ').append(e.getBizTransactionList()).append(' ').append(e.getSourceList())
                .append(' ').append(e.getDestinationList()).append(' ').append(e.getSensorElementList())
                .append(' ').append(e.getIlmd()).append(' ').append(e.getExtensions()).append(' ').append(e.getCertificationInfo())
                .append(' ').append(e.getErrorDeclaration()).append(' ').append(e.getPersistentDisposition());
        return s.toString();
    }

    /** An exception's text with its causes'. */
    static String dump(Throwable t) {
        StringBuilder s = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            s.append(c).append('\n');
        }
        return s.toString();
    }
}
