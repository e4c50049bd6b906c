package org.pharmatrace.mapping.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmatrace.mapping.hl7.Hl7Samples.corpus;
import static org.pharmatrace.mapping.hl7.Hl7Samples.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pharmatrace.mapping.PartnerProfile;

/**
 * A message cut anywhere — as an MLLP connection dropped mid-message would leave it — is either mapped or refused
 * with a located {@link Hl7DispenseException} whose ACK can be built; no other exception escapes, and no refusal
 * quotes the patient.
 */
class TruncatedMessagesTest {

    @Test
    void everyPrefixOfTheCorpusMessagesIsMappedOrRefusedCleanly() {
        PartnerProfile profile = profile();
        Hl7Acknowledgements acks = new Hl7Acknowledgements(Hl7Samples.CLOCK);
        List<String> problems = new ArrayList<>();
        int refused = 0;
        for (String sample : List.of(Hl7Samples.V25, Hl7Samples.V28_1)) {
            byte[] full = corpus(sample);
            List<String> patient = sample.equals(Hl7Samples.V25) ? Hl7Samples.V25_PATIENT : Hl7Samples.V28_PATIENT;
            // Every third cut of the short message, every 41st of the long one: enough to hit every field, lean on CPU.
            int step = full.length > 2000 ? 41 : 3;
            for (int length = 0; length <= full.length; length += step) {
                byte[] prefix = Arrays.copyOf(full, length);
                try {
                    Hl7Samples.map(prefix, profile);
                } catch (Hl7DispenseException e) {
                    refused++;
                    String ack = acks.reject(prefix, e);
                    if (e.code() == null || e.location() == null || !ack.contains("MSA|A")) {
                        problems.add(length + ": " + e);
                    }
                    for (String p : patient) {
                        if (e.getMessage().contains(p) || ack.contains(p)) {
                            problems.add(length + ": leaks '" + p + "'");
                        }
                    }
                } catch (RuntimeException e) {
                    problems.add(length + ": " + e);
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(refused).isGreaterThan(150);
    }
}
