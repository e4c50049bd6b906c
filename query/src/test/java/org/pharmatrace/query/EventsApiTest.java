package org.pharmatrace.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pharmatrace.epcis.validation.EpcisValidator;
import org.pharmatrace.epcis.validation.ValidationReport;
import org.pharmatrace.epcis.xml.EpcisXmlSchemas;
import org.pharmatrace.query.epcis.EventExport;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** GET /events and the top-level resources of the EPCIS 2.0 REST binding, over the shared index. */
class EventsApiTest extends QueryIntegrationTest {

    static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @Nested
    class Matching {

        @Test
        void anEpcMatchesWhetherGivenAsUrnOrAsDigitalLink() {
            fixture();
            List<String> byUrn = eventIds(get(REGULATOR, "/events" + query("MATCH_epc", Lifecycle.pack(3))));
            List<String> byLink = eventIds(get(REGULATOR, "/events" + query("MATCH_epc", Lifecycle.packDigitalLink(3))));
            // commissioning, shipping to and receiving at the pharmacy (packing and unpacking name it as a child,
            // which MATCH_epc covers too)
            assertThat(byUrn).hasSize(5).isEqualTo(byLink);
            assertThat(eventIds(get(REGULATOR, "/events" + query("MATCH_anyEPC", Lifecycle.CASE)))).hasSize(4);
            assertThat(eventIds(get(REGULATOR, "/events" + query("MATCH_parentID", Lifecycle.CASE)))).hasSize(2);
        }

        @Test
        void cbvValuesMayBeBareOrUrns() {
            fixture();
            String at = Lifecycle.WHOLESALER_DC;
            List<String> bare = eventIds(get(REGULATOR, "/events" + query("EQ_bizStep", "shipping|receiving", "EQ_bizLocation", at)));
            List<String> urns = eventIds(get(REGULATOR, "/events" + query("EQ_bizStep",
                    "urn:epcglobal:cbv:bizstep:shipping|urn:epcglobal:cbv:bizstep:receiving", "EQ_bizLocation", at)));
            List<String> webUris = eventIds(get(REGULATOR, "/events" + query("EQ_bizStep",
                    "https://ref.gs1.org/cbv/BizStep-shipping|https://ref.gs1.org/cbv/BizStep-receiving", "EQ_bizLocation", at)));
            assertThat(bare).hasSize(2).isEqualTo(urns).isEqualTo(webUris);
            assertThat(eventIds(get(REGULATOR, "/events" + query("EQ_disposition", "dispensed")))).hasSize(1);
        }

        @Test
        void lotsBusinessTransactionsAndPartiesAreQueryable() {
            fixture();
            List<JsonNode> commissioned = events(get(REGULATOR, "/events" + query("EQ_ILMD_cbvmda:lotNumber", Lifecycle.LOT)));
            assertThat(commissioned).hasSize(1);
            assertThat(commissioned.get(0).path("epcList")).hasSize(10);
            assertThat(eventIds(get(REGULATOR, "/events" + query("EQ_bizTransaction_po", Lifecycle.PO)))).hasSize(2);
            assertThat(eventIds(get(REGULATOR, "/events" + query("EQ_destination_owning_party", Lifecycle.PHARMACY_PARTY)))).hasSize(2);
            assertThat(eventIds(get(REGULATOR, "/events" + query("EQ_source_owning_party",
                    "https://id.gs1.org/417/0399999999991")))).as("a PGLN as Digital Link").hasSize(2);
            assertThat(eventIds(get(REGULATOR, "/events" + query("GE_ILMD_cbvmda:itemExpirationDate", "2027-01-01T00:00:00Z",
                    "MATCH_epc", "urn:epc:idpat:sgtin:0312345.067890.*")))).hasSize(2);
            assertThat(eventIds(get(REGULATOR, "/events" + query("MATCH_epc", "urn:epc:idpat:sgtin:0312345.067890.*",
                    "EQ_bizStep", "dispensing")))).hasSize(1);
        }

        @Test
        void timesCompareAsInstantsWhateverTheirOffset() {
            fixture();
            List<String> utc = eventIds(get(REGULATOR, "/events" + query("GE_eventTime", "2024-02-05T00:00:00Z",
                    "LT_eventTime", "2024-02-07T00:00:00Z")));
            List<String> shifted = eventIds(get(REGULATOR, "/events" + query("GE_eventTime", "2024-02-04T19:00:00-05:00",
                    "LT_eventTime", "2024-02-07T05:30:00+05:30")));
            assertThat(utc).hasSize(2).isEqualTo(shifted);
        }
    }

    @Nested
    class Proof {

        @Test
        void everyEventCarriesItsEventHashIdTransactionAndBlock() {
            Fixture f = fixture();
            HttpResponse<String> response = get(REGULATOR, "/events" + query("EQ_bizLocation", Lifecycle.PHARMACY_STORE));
            JsonNode document = json(response);
            assertThat(document.path("type").asText()).isEqualTo("EPCISQueryDocument");
            assertThat(document.path("@context").toString()).contains(EventExport.LEDGER_NAMESPACE);
            InMemoryLedger.Transaction pharmacyTx = f.lifecycle.get(2);
            List<JsonNode> events = events(response);
            assertThat(events).hasSize(2);
            for (JsonNode e : events) {
                assertThat(e.path("eventID").asText()).startsWith("ni:///sha-256;").endsWith("?ver=CBV2.0");
                assertThat(e.path("ledger:transactionId").asText()).isEqualTo(pharmacyTx.txId());
                assertThat(e.path("ledger:blockNumber").asText()).isEqualTo(Long.toString(pharmacyTx.block()));
                assertThat(e.path("ledger:recordedBy").asText()).isEqualTo("PharmacyMSP");
                assertThat(java.time.Instant.parse(e.path("recordTime").asText())).isEqualTo(pharmacyTx.timestamp());
            }
            assertThat(events.stream().map(e -> e.path("eventID").asText()).toList())
                    .containsExactlyInAnyOrderElementsOf(pharmacyTx.events().stream().map(e -> e.eventHash()).toList());
        }

        @Test
        void jsonLdAnswersAreValidEpcisQueryDocuments() {
            fixture();
            // The wholesaler sees the DSCSA shipment and its part of the lifecycle: the hub's own kind of data.
            HttpResponse<String> response = get(WHOLESALER, "/events" + query("perPage", "200"));
            assertThat(eventIds(response)).hasSizeGreaterThan(5);
            ValidationReport report = new EpcisValidator().validate(response.body().getBytes());
            assertThat(report.errors()).as(response.body().substring(0, 300)).isEmpty();
        }

        @Test
        void xmlAnswersValidateAgainstTheQuerySchemaAndCarryTheProof() throws Exception {
            Fixture f = fixture();
            HttpResponse<String> response = get(REGULATOR, "/events" + query("EQ_bizLocation", Lifecycle.PHARMACY_STORE),
                    "Accept", "application/xml");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/xml");
            EpcisXmlSchemas.newValidator(EpcisXmlSchemas.epcis20()).validate(new StreamSource(new StringReader(response.body())));
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document xml = factory.newDocumentBuilder().parse(new InputSource(new StringReader(response.body())));
            NodeList tx = xml.getElementsByTagNameNS(EventExport.LEDGER_NAMESPACE, "transactionId");
            assertThat(tx.getLength()).isEqualTo(2);
            assertThat(tx.item(0).getTextContent()).isEqualTo(f.lifecycle.get(2).txId());
            assertThat(xml.getElementsByTagNameNS(EventExport.LEDGER_NAMESPACE, "blockNumber").item(0).getTextContent())
                    .isEqualTo(Long.toString(f.lifecycle.get(2).block()));
        }

        @Test
        void identifiersFollowGs1EpcFormat() {
            fixture();
            String q = "/events" + query("EQ_disposition", "dispensed");
            assertThat(events(get(REGULATOR, q)).get(0).path("epcList").get(0).asText())
                    .as("the binding's default: Digital Links").isEqualTo(Lifecycle.packDigitalLink(1));
            assertThat(events(get(REGULATOR, q, "GS1-EPC-Format", "Always_EPC_URN")).get(0).path("epcList").get(0).asText())
                    .isEqualTo(Lifecycle.pack(1));
            assertThat(events(get(REGULATOR, q, "GS1-EPC-Format", "Never_Translates")).get(0).path("epcList").get(0).asText())
                    .isEqualTo(Lifecycle.pack(1));
        }

        @Test
        void oneEventByItsEventIdInThePath() {
            Fixture f = fixture();
            String id = f.lifecycle.get(2).events().get(1).eventHash();
            HttpResponse<String> response = get(REGULATOR, "/events/" + encode(id));
            assertThat(eventIds(response)).containsExactly(id);
            HttpResponse<String> missing = get(REGULATOR, "/events/" + encode(id.replace("?ver", "0?ver")));
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(json(missing).path("type").asText()).isEqualTo("epcisException:NoSuchResourceException");
        }
    }

    @Nested
    class Paging {

        @Test
        void pagesFollowTheLinkHeaderToTheEndWithoutLossOrRepeat() {
            fixture();
            for (String order : List.of("", "&orderBy=eventTime", "&orderBy=eventTime&orderDirection=ASC", "&orderBy=recordTime")) {
                String url = "/events" + query("MATCH_epc", "urn:epc:idpat:sgtin:0312345.067890.*", "perPage", "2") + order;
                List<String> all = new ArrayList<>();
                int pages = 0;
                while (url != null) {
                    HttpResponse<String> page = get(REGULATOR, url);
                    List<String> ids = eventIds(page);
                    assertThat(ids.size()).isLessThanOrEqualTo(2);
                    all.addAll(ids);
                    pages++;
                    url = page.headers().firstValue("Link").map(EventsApiTest::next).orElse(null);
                    if (url != null) {
                        assertThat(page.headers().firstValue("GS1-Next-Page-Token-Expires")).isPresent();
                    }
                }
                List<String> whole = eventIds(get(REGULATOR, "/events" + query("MATCH_epc",
                        "urn:epc:idpat:sgtin:0312345.067890.*", "perPage", "100") + order));
                // both commissionings, packing, unpacking, shipping to, receiving at and dispensing by the pharmacy
                assertThat(whole).hasSize(7);
                assertThat(all).as(order).isEqualTo(whole);
                assertThat(new HashSet<>(all)).hasSize(all.size());
                assertThat(pages).isEqualTo(4);
            }
        }

        @Test
        void eventTimeOrderIsDescendingByDefaultAndAscendingOnRequest() {
            fixture();
            List<String> times = events(get(REGULATOR, "/events" + query("MATCH_anyEPC", Lifecycle.CASE, "orderBy", "eventTime")))
                    .stream().map(e -> e.path("eventTime").asText()).toList();
            assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
            List<String> ascending = events(get(REGULATOR, "/events" + query("MATCH_anyEPC", Lifecycle.CASE, "orderBy",
                    "eventTime", "orderDirection", "ASC"))).stream().map(e -> e.path("eventTime").asText()).toList();
            assertThat(ascending).isSorted().hasSize(4);
        }

        @Test
        void aPageTokenIsRefusedWhenAlteredReplayedByAnotherOrWithOtherParameters() {
            fixture();
            String first = "/events" + query("MATCH_epc", "urn:epc:idpat:sgtin:0312345.067890.*", "perPage", "2");
            String next = next(get(ACME, first).headers().firstValue("Link").orElseThrow());
            assertThat(get(ACME, next).statusCode()).isEqualTo(200);
            String token = next.substring(next.indexOf("nextPageToken=") + "nextPageToken=".length());
            String altered = next.replace(token, token.substring(0, 5) + (token.charAt(5) == 'A' ? 'B' : 'A') + token.substring(6));
            assertParameterProblem(get(ACME, altered), "nextPageToken");
            assertParameterProblem(get(WHOLESALER, next), "nextPageToken");
            assertParameterProblem(get(ACME, next.replace("perPage=2", "perPage=2&EQ_bizStep=shipping")), "nextPageToken");
        }

        @Test
        void eventCountLimitCutsTheAnswerAndMaxEventCountRefusesOne() {
            fixture();
            String base = "/events" + query("MATCH_epc", "urn:epc:idpat:sgtin:0312345.067890.*");
            HttpResponse<String> limited = get(REGULATOR, base + "&orderBy=eventTime&eventCountLimit=3&perPage=2");
            assertThat(eventIds(limited)).hasSize(2);
            HttpResponse<String> rest = get(REGULATOR, next(limited.headers().firstValue("Link").orElseThrow()));
            assertThat(eventIds(rest)).hasSize(1);
            assertThat(rest.headers().firstValue("Link")).isEmpty();
            assertParameterProblem(get(REGULATOR, base + "&eventCountLimit=3"), "eventCountLimit");
            HttpResponse<String> tooLarge = get(REGULATOR, base + "&maxEventCount=3");
            assertThat(tooLarge.statusCode()).isEqualTo(413);
            assertThat(json(tooLarge).path("type").asText()).isEqualTo("epcisException:QueryTooLargeException");
            assertThat(json(tooLarge).path("parameter").asText()).isEqualTo("maxEventCount");
            assertThat(eventIds(get(REGULATOR, base + "&maxEventCount=7"))).hasSize(7);
        }
    }

    @Nested
    class Errors {

        @Test
        void aWrongParameterIsNamedInAQueryParameterException() {
            fixture();
            assertParameterProblem(get(REGULATOR, "/events?EQ_bizStepp=shipping"), "EQ_bizStepp");
            assertParameterProblem(get(REGULATOR, "/events?EQ_action=CREATE"), "EQ_action");
            assertParameterProblem(get(REGULATOR, "/events?GE_eventTime=yesterday"), "GE_eventTime");
            assertParameterProblem(get(REGULATOR, "/events?orderDirection=UP&orderBy=eventTime"), "orderDirection");
            assertParameterProblem(get(REGULATOR, "/events?perPage=0"), "perPage");
            assertParameterProblem(get(REGULATOR, "/events?EQ_ILMD_nope:lotNumber=1"), "EQ_ILMD_nope:lotNumber");
            assertParameterProblem(get(REGULATOR, "/events?MATCH_epc=urn:epc:idpat:sscc:0312345.*"), "MATCH_epc");
            assertParameterProblem(get(REGULATOR, "/events?EQ_bizStep=shipping&EQ_bizStep=receiving"), "EQ_bizStep");
        }

        @Test
        void mediaTypesVersionsAndCallersAreChecked() {
            fixture();
            HttpResponse<String> csv = get(REGULATOR, "/events", "Accept", "text/csv");
            assertThat(csv.statusCode()).isEqualTo(406);
            assertThat(json(csv).path("type").asText()).isEqualTo("epcisException:NotAcceptableException");
            assertThat(get(REGULATOR, "/events", "GS1-EPCIS-Min", "3.0").statusCode()).isEqualTo(406);
            assertThat(get(REGULATOR, "/events", "GS1-EPCIS-Max", "2.0", "GS1-CBV-Min", "2.0").statusCode()).isEqualTo(200);
            assertThat(get(null, "/events").statusCode()).isEqualTo(401);
            HttpResponse<String> operator = get(OPERATOR, "/events");
            assertThat(operator.statusCode()).isEqualTo(403);
            assertThat(json(operator).path("type").asText()).isEqualTo("epcisException:SecurityException");
            HttpResponse<String> ok = get(REGULATOR, "/events?perPage=1");
            assertThat(ok.headers().firstValue("GS1-EPCIS-Version")).contains("2.0.0");
            assertThat(ok.headers().firstValue("GS1-CBV-Version")).contains("2.0.0");
        }

        @Test
        void captureAndQueryShareTheEventsPath() {
            HttpResponse<String> captured = send(ACME, "POST", "/events", "{}", "Content-Type", "application/json");
            assertThat(captured.statusCode()).as("POST /events stays the capture route's").isEqualTo(201);
            assertThat(captured.body()).contains("captured");
            assertThat(send(REGULATOR, "POST", "/events", "{}", "Content-Type", "application/json").statusCode())
                    .as("and partners' only").isEqualTo(403);
            assertThat(get(ACME, "/events?perPage=1").statusCode()).isEqualTo(200);
            HttpResponse<String> options = send(ACME, "OPTIONS", "/events", null);
            assertThat(options.statusCode()).isEqualTo(204);
            assertThat(options.headers().firstValue("Allow").orElseThrow()).contains("GET");
        }
    }

    @Nested
    class TopLevelResources {

        @Test
        void theResourcesListWhatTheCallerMaySee() {
            fixture();
            assertThat(json(get(REGULATOR, "/")).path("member").toString()).contains("events", "epcs", "bizSteps");
            assertThat(json(get(REGULATOR, "/eventTypes")).path("member")).hasSize(5);
            assertThat(json(get(PHARMACY, "/bizSteps")).path("member").toString()).contains("receiving", "dispensing");
            assertThat(json(get(PHARMACY, "/bizLocations")).path("member").toString())
                    .contains("https://id.gs1.org/414/0377777000107");
            assertThat(json(get(PHARMACY, "/bizLocations", "GS1-EPC-Format", "Always_EPC_URN")).path("member").toString())
                    .contains(Lifecycle.PHARMACY_STORE);
            assertThat(json(get(PHARMACY, "/dispositions")).path("member").toString()).contains("dispensed");
            assertThat(get(PHARMACY, "/bizSteps/commissioning").statusCode()).as("not in what it may see").isEqualTo(404);
            assertThat(json(get(REGULATOR, "/bizSteps/commissioning")).path("member").get(0).asText()).isEqualTo("events");
        }

        @Test
        void epcsPageThroughEveryIdentifierOnce() {
            fixture();
            Set<String> seen = new HashSet<>();
            String url = "/epcs?perPage=5";
            while (url != null) {
                HttpResponse<String> page = get(PHARMACY, url);
                assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
                json(page).path("member").forEach(m -> assertThat(seen.add(m.asText())).isTrue());
                url = page.headers().firstValue("Link").map(EventsApiTest::next).orElse(null);
            }
            assertThat(seen).contains(Lifecycle.packDigitalLink(1), Lifecycle.packDigitalLink(2),
                    Lifecycle.packDigitalLink(3), Lifecycle.packDigitalLink(4)).doesNotContain(Lifecycle.packDigitalLink(5));
        }

        @Test
        void eachResourceHasItsEvents() {
            fixture();
            assertThat(eventIds(get(REGULATOR, "/epcs/" + encode(Lifecycle.pack(3)) + "/events"))).hasSize(5);
            assertThat(eventIds(get(REGULATOR, "/epcs/" + encode(Lifecycle.packDigitalLink(3)) + "/events"))).hasSize(5);
            assertThat(json(get(REGULATOR, "/epcs/" + encode(Lifecycle.packDigitalLink(3)))).path("member").get(0).asText())
                    .isEqualTo("events");
            assertThat(eventIds(get(REGULATOR, "/bizSteps/dispensing/events"))).hasSize(1);
            assertThat(eventIds(get(REGULATOR, "/dispositions/dispensed/events"))).hasSize(1);
            assertThat(eventIds(get(REGULATOR, "/bizLocations/" + encode(Lifecycle.PHARMACY_STORE) + "/events"))).hasSize(2);
            assertThat(eventIds(get(REGULATOR, "/readPoints/" + encode(Lifecycle.PHARMACY_STORE) + "/events"))).hasSize(2);
            assertThat(eventIds(get(REGULATOR, "/eventTypes/AggregationEvent/events"
                    + query("MATCH_parentID", Lifecycle.CASE)))).hasSize(2);
            assertThat(get(REGULATOR, "/epcs/" + encode("urn:epc:id:sgtin:0312345.067890.NOPE")).statusCode()).isEqualTo(404);
        }
    }

    static String next(String link) {
        Matcher m = NEXT.matcher(link);
        assertThat(m.find()).as(link).isTrue();
        return m.group(1);
    }

    static void assertParameterProblem(HttpResponse<String> response, String parameter) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("type").asText()).isEqualTo("epcisException:QueryParameterException");
        assertThat(problem.path("parameter").asText()).isEqualTo(parameter);
        assertThat(problem.path("detail").asText()).isNotBlank();
    }
}
