package org.pharmatrace.hub.channel.mllp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pharmatrace.gs1.CompanyPrefixLengths;
import org.pharmatrace.gs1.InMemoryNdcProductCatalog;
import org.pharmatrace.mapping.PartnerProfile;
import org.pharmatrace.mapping.hl7.Hl7DispenseMapper;

/** What is kept of a message: the dispense, not the patient. */
class PatientSegmentsTest {

    static byte[] redact(String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        return PatientSegments.redact(bytes, MessageHeader.read(bytes).orElseThrow(), "GS1-2D");
    }

    @Test
    void thenPatientSegmentsKeepOnlyTheirNameAndTheDispenseIsKeptAsReceived() {
        String message = PatientDataStaysInTheHubTest.fullOfPatientData("MSG-1", "SN1");

        String redacted = new String(redact("\u000b" + message.replace("\r", "\r\n") + "\u001c\r"),
                StandardCharsets.UTF_8);

        assertThat(redacted.split("\r")).containsExactly(
                message.split("\r")[0], "PID", "PD1", "NTE", "NK1", "AL1", "PV1",
                "ORC|RE|ORD-88121|RX-55012||CM", "RXE|1^BID^^20251121|1234567890^Paracetamol 500 mg tablet^NDC|1||TAB",
                "RXD|1|1234567890^Paracetamol 500 mg tablet^NDC|20251121093000|1|BX||RX-55012|||||||||||LOT-A1|20271231|ACME PHARMA",
                DispenseOverMllpTest.OBX.replace("SN1010", "SN1"), "OBX");
        for (String value : List.of("DOE", "JANE", "PAT-4471", "19700412", "Elm", "555-0142", "Penicillin", "82.5")) {
            assertThat(redacted).doesNotContain(value);
        }
    }

    @Test
    void thenTheSendersCredentialsInUacAreNotKept() {
        String message = PatientDataStaysInTheHubTest.fullOfPatientData("MSG-2", "SN2");
        String[] segments = message.split("\r");
        String withUac = segments[0] + "\rUAC|KERB|^^^^BEARER-TOKEN-7f3a\r"
                + String.join("\r", java.util.Arrays.copyOfRange(segments, 1, segments.length));

        String redacted = new String(redact(withUac), StandardCharsets.UTF_8);

        assertThat(redacted.split("\r")[1]).isEqualTo("UAC");
        assertThat(redacted).doesNotContain("BEARER-TOKEN-7f3a");
    }

    @Test
    void thenTheRedactedMessageMapsToTheSameEventsAsTheReceivedOne() {
        String message = PatientDataStaysInTheHubTest.fullOfPatientData("MSG-1", "SN1");
        PartnerProfile corner = new PartnerProfile("cornerpharm", null, "urn:epc:id:sgln:0614141.00003.0", "-05:00",
                CompanyPrefixLengths.defaults(), new InMemoryNdcProductCatalog().add("12345-6789-0"), Map.of());
        Hl7DispenseMapper mapper = new Hl7DispenseMapper();
        List<String> fromReceived = new ArrayList<>();
        List<String> fromRedacted = new ArrayList<>();

        mapper.map(message.getBytes(StandardCharsets.UTF_8), corner, e -> fromReceived.add(e.getEpcList() + " " + e.getEventTime()));
        mapper.map(redact(message), corner, e -> fromRedacted.add(e.getEpcList() + " " + e.getEventTime()));

        assertThat(fromRedacted).isNotEmpty().isEqualTo(fromReceived);
    }

    @Test
    void thenAnObxWithABarcodeButAnotherCodeIsKeptAndLinesThatAreNotSegmentsAreDropped() {
        String message = String.join("\r", "MSH|^~\\&|PHARMSYS|CORNERPHARM|HUB|HUB|20251121||RDS^O13|M1|P|2.5",
                "PID|1||PAT-4471||DOE^JANE", "DOE JANE 19700412", "ORC|RE|1",
                "OBX|1|ST|PACK||0100312345678906" + "21SN1\u001d10LOT-A1||||||F");

        assertThat(new String(redact(message), StandardCharsets.UTF_8).split("\r"))
                .containsExactly(message.split("\r")[0], "PID", "ORC|RE|1", message.split("\r")[4]);
    }
}
