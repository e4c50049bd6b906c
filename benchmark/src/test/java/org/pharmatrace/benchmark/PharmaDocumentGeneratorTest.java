package org.pharmatrace.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pharmatrace.benchmark.PharmaDocumentGenerator.DocumentStats;
import org.pharmatrace.epcis.formats.EpcisReaders;
import org.pharmatrace.epcis.io.EpcisEventReader;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.validation.EpcisRules;
import org.pharmatrace.epcis.validation.ValidationError;

class PharmaDocumentGeneratorTest {

    private static byte[] document(long events, DocumentStats[] stats) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        stats[0] = new PharmaDocumentGenerator().write(out, events);
        return out.toByteArray();
    }

    @Nested
    class WhenADocumentIsGenerated {

        @Test
        void thenItHasExactlyTheEventsAskedForInTheUsualMix() {
            DocumentStats[] stats = new DocumentStats[1];
            document(3_000, stats);

            assertThat(stats[0].events()).isEqualTo(3_000);
            assertThat(stats[0].commissioning() + stats[0].packing() + stats[0].shipping()).isEqualTo(3_000);
            assertThat(stats[0].commissioning()).isBetween(2_300L, 2_550L);
            assertThat(stats[0].packing()).isBetween(360L, 540L);
            assertThat(stats[0].shipping()).isBetween(90L, 180L);
        }

        @Test
        void thenOurReaderReadsEveryEventAndNoneBreaksARule() throws Exception {
            DocumentStats[] stats = new DocumentStats[1];
            byte[] xml = document(2_000, stats);
            EpcisRules rules = new EpcisRules();
            List<ValidationError> errors = new ArrayList<>();
            Set<String> commissioned = new HashSet<>();
            long events = 0;
            try (EpcisEventReader reader = EpcisReaders.open(new ByteArrayInputStream(xml))) {
                while (reader.hasNext()) {
                    EpcisEvent event = reader.next();
                    errors.addAll(rules.check(event));
                    if (event.getBizStep().endsWith(":commissioning")) {
                        assertThat(event.getIlmd()).hasSize(2);
                        event.getEpcList().forEach(epc -> assertThat(commissioned.add(epc)).as("unique " + epc).isTrue());
                    }
                    events++;
                }
            }
            assertThat(events).isEqualTo(2_000);
            assertThat(errors).isEmpty();
            assertThat(commissioned).anyMatch(epc -> epc.startsWith("urn:epc:id:sgtin:0312345.067890."));
        }

        @Test
        void thenTheSameSeedWritesTheSameEvents() {
            DocumentStats[] stats = new DocumentStats[1];
            String small = new String(document(500, stats));
            String large = new String(document(1_000, stats));
            String smallEvents = small.substring(small.indexOf("<EventList>"), small.indexOf("</EventList>"));

            assertThat(large).contains(smallEvents);
        }
    }

    @Test
    void checkDigitsFollowGs1Mod10() {
        assertThat(PharmaDocumentGenerator.checkDigitAppended("0031234567890")).isEqualTo("00312345678906");
        assertThat(PharmaDocumentGenerator.PRODUCTS.get(0).gtin()).isEqualTo("00312345678906");
        assertThat(PharmaDocumentGenerator.checkDigitAppended("061414100001")).isEqualTo("0614141000012");
    }
}
