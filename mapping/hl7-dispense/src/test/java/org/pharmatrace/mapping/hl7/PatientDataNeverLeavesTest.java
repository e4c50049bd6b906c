package org.pharmatrace.mapping.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmatrace.mapping.hl7.Hl7Samples.corpus;
import static org.pharmatrace.mapping.hl7.Hl7Samples.corpusText;
import static org.pharmatrace.mapping.hl7.Hl7Samples.dump;
import static org.pharmatrace.mapping.hl7.Hl7Samples.map;
import static org.pharmatrace.mapping.hl7.Hl7Samples.profile;
import static org.pharmatrace.mapping.hl7.Hl7Samples.v25With;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.mapping.PartnerProfile;

/**
 * Everything the mapper lets out — events, exception messages, ACKs — is scanned for the patient data of the
 * samples: names, record numbers, birth dates, addresses.
 */
class PatientDataNeverLeavesTest {

    static final String KEY = "hub-secret-for-tests-0123456789abcdef";

    private final Hl7Acknowledgements acks = new Hl7Acknowledgements(Hl7Samples.CLOCK);

    /** Successful mappings, with and without pseudonym, of the v2.5, v2.3 and (repaired) v2.8 messages. */
    @Test
    void eventsCarryNoPatientData() {
        PartnerProfile pseudonymised = profile(Map.of(Hl7DispenseMapper.PSEUDONYM_KEY, KEY));
        byte[] v28 = Hl7Samples.bytes(corpusText(Hl7Samples.V28_2).replace("RXD|1|01151327^", "RXD|1|55555-0101-1^")
                .replace("308191^amoxicillin 500 MG Oral Capsule^RXNORM", "55555-0101-1^amoxicillin^NDC"));
        List<String> leaks = new ArrayList<>();
        for (PartnerProfile p : List.of(profile(), pseudonymised)) {
            for (EpcisEvent e : map(corpus(Hl7Samples.V25), p)) {
                leaks.addAll(found(dump(e), Hl7Samples.V25_PATIENT));
                leaks.addAll(acksLeak(corpus(Hl7Samples.V25), null, Hl7Samples.V25_PATIENT));
            }
            for (EpcisEvent e : map(v28, p)) {
                leaks.addAll(found(dump(e), Hl7Samples.V28_PATIENT));
            }
        }
        assertThat(leaks).isEmpty();
    }

    /** Failures of every kind, on messages that carry full PID (and PV1, NK1) segments. */
    @Test
    void errorsAndAcksCarryNoPatientData() {
        String v25 = corpusText(Hl7Samples.V25);
        List<byte[]> bad = List.of(
                v25With("OBX", Hl7DispenseMapperTest.OBX_V25.replace("(01)00312345678906", "(01)00312345678907")),
                v25With("OBX", Hl7DispenseMapperTest.OBX_V25.replace("(10)LOT-A1", "(10)LOT-B1")),
                v25With("RXD", Hl7DispenseMapperTest.RXD_V25.replace("1234567890^", "99999888877^")),
                v25With("RXD", Hl7DispenseMapperTest.RXD_V25.replace("20251121093000", "PID")),
                Hl7Samples.bytes(v25.replace("|P|2.5", "|P|2.2")),
                Hl7Samples.bytes(v25.replace("RDS^O13^RDS_O13", "ADT^A01^ADT_A01")),
                Hl7Samples.bytes(v25.substring(0, v25.indexOf("ORC"))),
                Hl7Samples.bytes(v25.replace("PID|1|", "PID|1|\u0000")),
                Hl7Samples.bytes(v25.replace("|P|2.5", "|P|2.5||||||UNICODE UTF-8").replace("DOE^JANE", "D\u00d6E^JANE")),
                Hl7Samples.bytes(v25.replace("ORC|", "NK1|1|DOE^JOHN|SPO|12 Elm St^^Springfield^IL^62704\rPV1|1|O|ROOM-12\rORC|")),
                Hl7Samples.bytes(v25.replace("MSH|^~\\&|", "MSH|^~\\&|").replace("\rPID|", "\rPID|1|" + "~".repeat(5) + "|")));
        List<String> leaks = new ArrayList<>();
        int failures = 0;
        for (byte[] message : bad) {
            try {
                map(message, profile(Map.of(Hl7DispenseMapper.PSEUDONYM_KEY, KEY)));
                leaks.addAll(acksLeak(message, null, Hl7Samples.V25_PATIENT));
            } catch (Hl7DispenseException e) {
                failures++;
                leaks.addAll(found(dump(e), Hl7Samples.V25_PATIENT));
                leaks.addAll(acksLeak(message, e, Hl7Samples.V25_PATIENT));
            }
        }
        for (String sample : List.of(Hl7Samples.V28_1, Hl7Samples.V28_2)) {
            try {
                map(corpus(sample), profile());
            } catch (Hl7DispenseException e) {
                failures++;
                leaks.addAll(found(dump(e), Hl7Samples.V28_PATIENT));
                leaks.addAll(acksLeak(corpus(sample), e, Hl7Samples.V28_PATIENT));
            }
        }
        assertThat(failures).isGreaterThanOrEqualTo(10);
        assertThat(leaks).isEmpty();
    }

    @Test
    void thePseudonymIsOffByDefaultAndStablePerPatientWhenKeyed() {
        PartnerProfile keyed = profile(Map.of(Hl7DispenseMapper.PSEUDONYM_KEY, KEY));
        PartnerProfile otherKey = profile(Map.of(Hl7DispenseMapper.PSEUDONYM_KEY, KEY.replace('0', 'x')));
        byte[] samePatientAgain = Hl7Samples.bytes(corpusText(Hl7Samples.V25).replace("MSG-0001", "MSG-0002")
                .replace("SN1010", "SN1011"));
        byte[] otherPatient = Hl7Samples.bytes(corpusText(Hl7Samples.V25).replace("PAT-4471", "PAT-4472"));

        String first = pseudonym(map(corpus(Hl7Samples.V25), keyed).get(0));

        assertThat(pseudonym(map(corpus(Hl7Samples.V25), profile()).get(0))).isNull();
        assertThat(first).matches("[0-9a-f]{64}");
        assertThat(pseudonym(map(samePatientAgain, keyed).get(0))).isEqualTo(first);
        assertThat(pseudonym(map(otherPatient, keyed).get(0))).isNotEqualTo(first);
        assertThat(pseudonym(map(corpus(Hl7Samples.V25), otherKey).get(0))).isNotEqualTo(first);
    }

    @Test
    void aShortKeyIsRefusedWithoutEchoingIt() {
        Hl7DispenseException e = Hl7Samples.failure(corpus(Hl7Samples.V25), profile(Map.of(Hl7DispenseMapper.PSEUDONYM_KEY, "short-secret")));

        assertThat(e.code()).isEqualTo("BAD_CONFIGURATION");
        assertThat(e.getMessage()).doesNotContain("short-secret");
    }

    private static String pseudonym(EpcisEvent e) {
        for (ExtensionElement x : e.getExtensions()) {
            if (x.name().equals(Hl7DispenseMapper.PATIENT_PSEUDONYM)) {
                return x.text();
            }
        }
        return null;
    }

    private List<String> acksLeak(byte[] message, Hl7DispenseException failure, List<String> patient) {
        String ack = failure == null ? acks.accept(message) : acks.reject(message, failure);
        return found(ack, patient);
    }

    private static List<String> found(String text, List<String> patient) {
        List<String> leaks = new ArrayList<>();
        for (String p : patient) {
            if (text.contains(p)) {
                leaks.add("'" + p + "' in: " + text);
            }
        }
        return leaks;
    }
}
