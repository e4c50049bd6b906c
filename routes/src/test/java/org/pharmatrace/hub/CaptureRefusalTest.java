package org.pharmatrace.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmatrace.hub.HubClient.User.ACME;
import static org.pharmatrace.hub.HubClient.User.ANONYMOUS;
import static org.pharmatrace.hub.HubClient.User.OPS;
import static org.pharmatrace.hub.HubClient.User.PHARMACY;
import static org.pharmatrace.hub.HubClient.User.WRONG_PASSWORD;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pharmatrace.hub.HubClient.Answer;

/** What the capture API refuses, and how: 401, 403 and 400 with RFC 7807 problems that name event and field. */
class CaptureRefusalTest extends HubIntegrationTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void callsWithoutValidCredentialsGet401() {
        String document = TestDocuments.commissioning(1);
        for (HubClient.User stranger : new HubClient.User[] {ANONYMOUS, WRONG_PASSWORD}) {
            Answer answer = hub().post("/capture", stranger, document, "application/ld+json");
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.contentType()).startsWith(PROBLEM);
            assertThat(answer.header("WWW-Authenticate")).startsWith("Basic");
        }
        assertThat(hub().get("/capture/anything", ANONYMOUS).status()).isEqualTo(401);
        assertThat(hub().get("/dlq", ANONYMOUS).status()).isEqualTo(401);
    }

    @Test
    void aPartnerSendingAnotherOrganisationsDocumentGets403NamingTheClaims() {
        byte[] dscsa = TestDocuments.bytes(TestDocuments.corpus(TestDocuments.DSCSA));

        Answer answer = hub().post("/capture", PHARMACY, dscsa, "application/xml");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith(PROBLEM);
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asText()).isEqualTo("epcisException:SecurityException");
        assertThat(problem.get("detail").asText()).contains("urn:epc:id:sgln:030001.111111.0")
                .contains("belongs to organisation AcmeMSP");
        assertThat(problem.get("errors")).anySatisfy(e -> {
            assertThat(e.get("eventIndex").asInt()).isEqualTo(-1);
            assertThat(e.get("field").asText()).isEqualTo("StandardBusinessDocumentHeader.Sender.Identifier");
        });
        assertThat(problem.get("errors")).anySatisfy(e -> {
            assertThat(e.get("eventIndex").asInt()).isEqualTo(7);
            assertThat(e.get("field").asText()).isEqualTo("sourceList[0]");
        });
        // Kept in the DLQ under the stage that refused it
        String entry = problem.get("deadLetter").asText();
        assertThat(problem.get("instance").asText()).isEqualTo("/dlq/" + entry);
        JsonNode deadLetter = hub().get("/dlq/" + entry, PHARMACY).json();
        assertThat(deadLetter.get("stage").asText()).isEqualTo("authorisation");
        assertThat(deadLetter.get("payload").asText()).contains("StandardBusinessDocumentHeader");
        assertThat(hub().get("/dlq/" + entry, ACME).status()).isEqualTo(404);
    }

    @Test
    void anEventAtSomeoneElsesLocationGets403NamingEventAndField() {
        byte[] gs1Example = TestDocuments.bytes(TestDocuments.corpus(TestDocuments.GS1_OBJECT_EVENTS));

        Answer answer = hub().post("/capture", ACME, gs1Example, "application/ld+json");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("errors")).anySatisfy(e -> {
            assertThat(e.get("eventIndex").asInt()).isEqualTo(1);
            assertThat(e.get("field").asText()).isEqualTo("readPoint");
            assertThat(e.get("message").asText()).contains("urn:epc:id:sgln:0012345.11111.400");
        });
    }

    @Test
    void operatorsDoNotCapture() {
        Answer answer = hub().post("/capture", OPS, TestDocuments.commissioning(1), "application/ld+json");
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith(PROBLEM);
    }

    @Test
    void aMalformedBodyGets400ProblemJson() {
        Answer notJson = hub().post("/capture", ACME, "{\"type\": \"EPCISDocument\", ", "application/ld+json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.contentType()).startsWith(PROBLEM);
        assertThat(notJson.json().get("type").asText()).isEqualTo("epcisException:ValidationException");
        assertThat(notJson.json().get("detail").asText()).isNotBlank();

        Answer notEpcis = hub().post("/capture", ACME, "hello", "text/plain");
        assertThat(notEpcis.status()).isEqualTo(400);
        assertThat(notEpcis.json().get("detail").asText()).contains("not an EPCIS document");

        Answer empty = hub().post("/capture", ACME, "", "application/xml");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("detail").asText()).contains("no body");
    }

    @Test
    void aDocumentWithoutAnyValidEventGets400ListingEveryEventAndField() {
        Answer answer = hub().post("/capture", ACME, TestDocuments.commissioning(2, Set.of(0), Set.of(1)),
                "application/ld+json");

        assertThat(answer.status()).isEqualTo(400);
        JsonNode problem = answer.json();
        assertThat(problem.get("detail").asText()).contains("none of the 2 events is valid");
        assertThat(problem.get("errors")).anySatisfy(e -> {
            assertThat(e.get("eventIndex").asInt()).isEqualTo(0);
            assertThat(e.get("field").asText()).isEqualTo("bizStep");
        });
        assertThat(problem.get("errors")).anySatisfy(e -> {
            assertThat(e.get("eventIndex").asInt()).isEqualTo(1);
            assertThat(e.get("field").asText()).isEqualTo("epcList[0]");
        });
        JsonNode deadLetter = hub().get(problem.get("instance").asText(), ACME).json();
        assertThat(deadLetter.get("stage").asText()).isEqualTo("validation");
        assertThat(deadLetter.has("eventIndex")).isFalse();
    }

    @Test
    void rollbackRefusesAPartlyInvalidDocumentAsAWhole() {
        Answer answer = hub().post("/capture", ACME, TestDocuments.commissioning(3, Set.of(1), Set.of()),
                "application/ld+json", "GS1-Capture-Error-Behaviour", "rollback");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("detail").asText()).contains("1 of 3 events are invalid").contains("rollback");
    }

    @Test
    void postEventsTakesOneEventOnly() {
        Answer answer = hub().post("/events", ACME, TestDocuments.commissioning(2), "application/ld+json");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("detail").asText()).contains("exactly one event");
    }

    @Test
    void aPartnerDoesNotSeeAnotherPartnersCaptureJob() {
        Answer accepted = hub().post("/events", ACME, TestDocuments.commissioning(1), "application/ld+json");
        assertThat(accepted.status()).isEqualTo(201);

        assertThat(hub().get(accepted.header("Location"), PHARMACY).status()).isEqualTo(404);
        assertThat(hub().get(accepted.header("Location"), OPS).status()).isEqualTo(200);
    }
}
