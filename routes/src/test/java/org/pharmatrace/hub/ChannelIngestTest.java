package org.pharmatrace.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.pharmatrace.hub.HubClient.User.ACME;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pharmatrace.epcis.hash.EventHashGenerator;
import org.pharmatrace.epcis.model.Action;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.EventType;
import org.pharmatrace.epcis.model.Location;
import org.pharmatrace.hub.capture.CaptureJob;
import org.pharmatrace.hub.ingest.CaptureFailedException;
import org.pharmatrace.hub.ingest.ChannelIngest;
import org.pharmatrace.hub.ingest.IngestRequest;
import org.springframework.beans.factory.annotation.Autowired;

/** A channel (here a pretend SFTP drop) feeds mapped events to the same ingest path as HTTP. */
class ChannelIngestTest extends HubIntegrationTest {

    @Autowired
    ChannelIngest channels;

    @Test
    void mappedEventsArePublishedCheckedAndDeadLetteredLikeCapturedOnes() throws Exception {
        byte[] serialFile = ("gtin,serial\n00614141073467," + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        ChannelIngest.StoredOriginal original = channels.keepOriginal(serialFile, "text/csv");
        List<EpcisEvent> mapped = List.of(
                commissioning("urn:epc:id:sgln:0614141.07346.1234"),
                commissioning("urn:epc:id:sgln:039999.999999.0"),   // the pharmacy's site: not acme's to claim
                commissioning("urn:epc:id:sgln:0614141.07346.1234"));
        List<String> hashes = mapped.stream().map(new EventHashGenerator()::eventHashId).toList();

        CaptureJob job = channels.ingest(IngestRequest.mappedEvents(channels.partner("acme"), "sftp",
                original.reference(), original.sha256(), mapped));

        assertThat(job.running()).isFalse();
        assertThat(job.channel()).isEqualTo("sftp");
        assertThat(job.sourceDocument()).isEqualTo(original.reference());
        assertThat(job.eventCount()).isEqualTo(3);
        assertThat(job.events()).extracting(e -> e.eventHashId()).containsExactly(hashes.get(0), hashes.get(2));
        assertThat(job.errors()).singleElement().satisfies(error -> {
            assertThat(error.eventIndex()).isEqualTo(1);
            assertThat(error.field()).isEqualTo("readPoint");
            assertThat(error.status()).isEqualTo(403);
        });
        assertThat(HttpCaptureTest.recordsOf(job.captureId())).hasSize(2)
                .allSatisfy(r -> assertThat(TestKafka.header(r, "channel")).isEqualTo("sftp"));
        JsonNode entry = hub().get("/dlq/" + job.captureId() + "-e1", ACME).json();
        assertThat(entry.get("stage").asText()).isEqualTo("authorisation");
        assertThat(entry.get("channel").asText()).isEqualTo("sftp");

        CaptureJob again = channels.ingest(IngestRequest.mappedEvents(channels.partner("acme"), "sftp",
                original.reference(), original.sha256(), mapped));
        assertThat(again.captureId()).isEqualTo(job.captureId());
        assertThat(HttpCaptureTest.recordsOf(job.captureId())).hasSize(2);
    }

    @Test
    void aChannelCaptureThatFailedAsAWholeGivesItsDocumentUpSoThatTheResendIsIngested() throws Exception {
        byte[] serialFile = ("gtin,serial\n00614141073467," + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        ChannelIngest.StoredOriginal original = channels.keepOriginal(serialFile, "text/csv");
        String acmeSite = "urn:epc:id:sgln:0614141.07346.1234";
        // The channel's event source breaks after the first event (a partner stream cut, a mapper thread dying).
        Iterator<EpcisEvent> breaking = new Iterator<>() {
            private int given;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public EpcisEvent next() {
                if (given++ == 0) {
                    return commissioning(acmeSite);
                }
                throw new IllegalStateException("the partner's stream broke");
            }
        };
        IngestRequest failing = new IngestRequest(null, channels.partner("acme"), "sftp", original.reference(),
                original.sha256(), null, null, breaking, 0, Map.of(), null, null);

        CaptureJob failed = catchThrowableOfType(() -> channels.ingest(failing), CaptureFailedException.class).job();

        assertThat(failed.failedAsAWhole()).isTrue();
        assertThat(failed.errors()).anySatisfy(e -> assertThat(e.detail()).contains("the partner's stream broke"));

        CaptureJob resent = channels.ingest(IngestRequest.mappedEvents(channels.partner("acme"), "sftp",
                original.reference(), original.sha256(), List.of(commissioning(acmeSite), commissioning(acmeSite))));

        assertThat(resent.captureId()).isNotEqualTo(failed.captureId());
        assertThat(resent.success()).isTrue();
        assertThat(resent.acceptedCount()).isEqualTo(2);
        CaptureJob again = channels.ingest(IngestRequest.mappedEvents(channels.partner("acme"), "sftp",
                original.reference(), original.sha256(), List.of(commissioning(acmeSite))));
        assertThat(again.captureId()).isEqualTo(resent.captureId());
    }

    private static EpcisEvent commissioning(String site) {
        EpcisEvent event = new EpcisEvent(EventType.OBJECT_EVENT).setAction(Action.ADD)
                .setEventTime("2026-03-02T09:00:00.000Z").setEventTimeZoneOffset("+01:00")
                .setBizStep("urn:epcglobal:cbv:bizstep:commissioning").setDisposition("urn:epcglobal:cbv:disp:active")
                .setReadPoint(Location.of(site));
        event.getEpcList().add("urn:epc:id:sgtin:0614141.107346." + Math.abs(UUID.randomUUID().getMostSignificantBits()));
        return event;
    }
}
