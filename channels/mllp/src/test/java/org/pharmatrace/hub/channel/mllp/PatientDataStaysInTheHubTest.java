package org.pharmatrace.hub.channel.mllp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mllp.MllpComponent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pharmatrace.hub.TestKafka;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Messages full of patient data — PID, PD1, NK1, PV1, AL1, a note and an observation about the patient — accepted,
 * refused and unreadable: afterwards neither the Kafka topics (canonical events, dead letters, capture jobs), nor the
 * stored originals, nor the logs hold any of it.
 */
@ExtendWith(OutputCaptureExtension.class)
class PatientDataStaysInTheHubTest extends MllpHubTest {

    static final List<String> MORE_PATIENT_DATA = List.of("DOE^JOHN", "555-0142", "ROOM-12", "Penicillin",
            "allergic to", "82.5");

    /** The corpus dispense with every kind of patient segment added. */
    static String fullOfPatientData(String controlId, String serial) {
        return DispenseOverMllpTest.dispense(controlId, serial).replace("\rORC|", "\r"
                + "PD1|||CORNER PHARMACY^^0614141000036\r"
                + "NTE|1||Mrs DOE is allergic to Penicillin, call 555-0142\r"
                + "NK1|1|DOE^JOHN|SPO|12 Elm St^^Springfield^IL^62704|555-0142\r"
                + "AL1|1|DA|Penicillin\r"
                + "PV1|1|O|ROOM-12\r"
                + "ORC|")
                .replace("||||||F", "||||||F\rOBX|2|NM|29463-7^Body weight^LN||82.5|kg|||||F");
    }

    @Autowired
    CamelContext camel;

    @Test
    void thenTheMllpComponentKeepsMessageContentOutOfItsLogsAndExceptions() {
        assertThat(camel.getComponent("mllp", MllpComponent.class).getLogPhi()).isFalse();
    }

    @Test
    void thenNoTopicNoStoredOriginalAndNoLogHoldsPatientData(CapturedOutput output) throws Exception {
        String truncatedInPid = fullOfPatientData("MSG-PHI-6", "SN9006");
        truncatedInPid = truncatedInPid.substring(0, truncatedInPid.indexOf("DOE^JANE") + 6);
        try (PharmacySystem pharmacy = pharmacy()) {
            assertThat(pharmacy.send(fullOfPatientData("MSG-PHI-1", "SN9001")).code()).isEqualTo("AA");
            assertThat(pharmacy.send(fullOfPatientData("MSG-PHI-2", "SN9002")
                    .replace("(01)00312345678906", "(01)00312345678907")).code()).isEqualTo("AE");
            assertThat(pharmacy.send(fullOfPatientData("MSG-PHI-3", "SN9003")
                    .replace("RDS^O13^RDS_O13", "ADT^A01^ADT_A01")).code()).isEqualTo("AR");
            assertThat(pharmacy.send(fullOfPatientData("MSG-PHI-4", "SN9004")
                    .replace("CORNERPHARM^0614141000036^GLN", "OTHERPHARM")).code()).isEqualTo("AR");
            assertThat(pharmacy.send(fullOfPatientData("MSG-PHI-5", "SN9005")
                    .replace("CORNERPHARM^0614141000036^GLN", "MISFILED")).code()).isEqualTo("AE");
            assertThat(pharmacy.sendRaw(truncatedInPid)).contains("MSA|AE|MSG-PHI-6|");
            assertThat(pharmacy.sendRaw("Patient DOE^JANE, born 19700412, 12 Elm St, Springfield"))
                    .contains("MSA|AR||");
        }

        List<String> kept = new ArrayList<>();
        for (String topic : List.of("hub.canonical-events", "hub.dlq", "hub.capture-jobs")) {
            for (ConsumerRecord<String, String> record : TestKafka.readAll(topic)) {
                kept.add(record.key() + " " + record.value());
                for (Header header : record.headers()) {
                    kept.add(new String(header.value(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        kept.addAll(storedOriginals());
        kept.add(output.getAll());

        assertThat(String.join("\n", kept)).as("the scan covers this test's messages")
                .contains(DispenseOverMllpTest.SGTIN + "SN9001").contains("MSG-PHI-2").contains("MSG-PHI-3")
                .contains("MSG-PHI-6").contains("HL7 message MSG-PHI-4");
        List<String> leaks = new ArrayList<>();
        for (String value : Stream.concat(PATIENT.stream(), MORE_PATIENT_DATA.stream()).toList()) {
            for (String text : kept) {
                if (text != null && text.contains(value)) {
                    int at = text.indexOf(value);
                    leaks.add(value + " in …" + text.substring(Math.max(0, at - 80), Math.min(text.length(), at + 40)));
                }
            }
        }
        assertThat(leaks).isEmpty();
    }
}
