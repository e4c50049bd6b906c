package org.pharmatrace.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.grpc.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.GatewayException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pharmatrace.connectors.fabric.LedgerGateway;

class LedgerProductStatusLookupTest {

    private static final String ORG = "PharmacyMSP";
    private static final Path CHAINCODE = Path.of("..", "chaincode", "src", "main", "java", "org", "pharmatrace",
            "chaincode");

    private final Contract contract = mock(Contract.class);
    private final LedgerGateway gateway = mock(LedgerGateway.class);
    private final LedgerProductStatusLookup lookup;

    LedgerProductStatusLookupTest() {
        when(gateway.contract(ORG)).thenReturn(contract);
        lookup = new LedgerProductStatusLookup(gateway, ORG);
    }

    /** The pack with lot and expiry as a pharmacist's scanner reads them. */
    private static ProductIdentifier scanned(String serial) {
        return ProductIdentifier.of(Packs.GTIN, serial, Packs.LOT, Packs.EXPIRY_YYMMDD, 2026);
    }

    /** The contract's canonical JSON, as {@code TraceabilityContract.verification} writes it. */
    private static String answer(String status, String lot, String expiry, String detail) {
        return "{\"detail\":\"" + detail + "\",\"epc\":\"urn:epc:id:sgtin:0312345.067890.S1\",\"expiry\":\"" + expiry
                + "\",\"gtin\":\"" + Packs.GTIN + "\",\"lot\":\"" + lot + "\",\"serial\":\"S1\",\"status\":\""
                + status + "\",\"verified\":" + "active".equals(status) + "}";
    }

    private void ledgerAnswers(String json) throws Exception {
        when(contract.evaluateTransaction(any(String.class), any(String[].class)))
                .thenReturn(json.getBytes(StandardCharsets.UTF_8));
    }

    @Nested
    class WhenTheLedgerIsAsked {

        @Test
        void thenVerifyIsEvaluatedAsTheConfiguredOrganisationWithTheExpiryAsAnIsoDate() throws Exception {
            ledgerAnswers(answer("active", Packs.LOT, "2027-05-31", "the item is ACTIVE"));

            assertThat(lookup.statusOf(scanned("S1"))).isEqualTo(ProductStatus.ACTIVE);

            verify(gateway).contract(ORG);
            verify(contract).evaluateTransaction("verify", Packs.GTIN, "S1", Packs.LOT, "2027-05-31");
        }

        @Test
        void whenLotAndExpiryWereNotReadThenTheyAreSentEmpty() throws Exception {
            ledgerAnswers(answer("active", Packs.LOT, "2027-05-31", "the item is ACTIVE"));

            lookup.statusOf(ProductIdentifier.of(Packs.GTIN, "S1", null, null, 2026));

            verify(contract).evaluateTransaction("verify", Packs.GTIN, "S1", "", "");
        }

        @Test
        void thenTheArgumentsAreTheOnesTheContractDeclares() throws IOException {
            String contract = Files.readString(CHAINCODE.resolve("TraceabilityContract.java"));

            assertThat(contract).containsPattern(
                    "public String verify\\(Context ctx, String gtin, String serial, String lot, String expiry\\)");
        }
    }

    @Nested
    class WhenTheLedgerAnswers {

        @Test
        void thenEachStatusOfTheContractMapsToTheHubsStatus() throws Exception {
            String[][] cases = {
                {"active", "ACTIVE"}, {"unknown", "UNKNOWN"}, {"recalled", "RECALLED"}, {"expired", "EXPIRED"},
                {"dispensed", "DISPENSED"}, {"decommissioned", "DECOMMISSIONED"}, {"destroyed", "DESTROYED"}};
            for (String[] c : cases) {
                ledgerAnswers(answer(c[0], Packs.LOT, "2027-05-31", "…"));
                assertThat(lookup.statusOf(scanned("S1"))).as(c[0]).isEqualTo(ProductStatus.valueOf(c[1]));
            }
        }

        @Test
        void thenEveryStatusTheContractDefinesIsKnownHere() throws Exception {
            String source = Files.readString(CHAINCODE.resolve("response").resolve("Verification.java"));
            Matcher constant = Pattern.compile("public static final String [A-Z_]+ = \"([a-z-]+)\";").matcher(source);
            List<String> statuses = new ArrayList<>();
            while (constant.find()) {
                statuses.add(constant.group(1));
            }

            assertThat(statuses).contains("active", "unknown", "mismatch", "recalled");
            for (String status : statuses) {
                // a mismatch needs a difference to be told; the commissioned lot differs here
                ledgerAnswers(answer(status, "LOT-OTHER", "2027-05-31", "…"));
                assertThat(lookup.statusOf(scanned("S1"))).as(status).isNotNull();
            }
        }

        @Test
        void whenTheCommissionedLotDiffersThenItIsALotMismatch() throws Exception {
            ledgerAnswers(answer("mismatch", "LOT-B2", "2027-05-31",
                    "lot LOT-A1 does not match the commissioned lot LOT-B2"));

            assertThat(lookup.statusOf(scanned("S1"))).isEqualTo(ProductStatus.MISMATCHED_LOT);
        }

        @Test
        void whenTheCommissionedExpiryDiffersThenItIsAnExpiryMismatch() throws Exception {
            ledgerAnswers(answer("mismatch", Packs.LOT, "2027-04-30",
                    "expiry 2027-05-31 does not match the commissioned expiry 2027-04-30"));

            assertThat(lookup.statusOf(scanned("S1"))).isEqualTo(ProductStatus.MISMATCHED_EXPIRY);
        }

        @Test
        void whenBothDifferThenBothAreReported() throws Exception {
            ledgerAnswers(answer("mismatch", "LOT-B2", "2027-04-30",
                    "lot LOT-A1 does not match the commissioned lot LOT-B2"));

            assertThat(lookup.statusOf(scanned("S1"))).isEqualTo(ProductStatus.MISMATCHED_LOT_AND_EXPIRY);
        }

        @Test
        void whenTheValuesLookEqualHereThenTheContractsWordsDecide() throws Exception {
            ledgerAnswers(answer("mismatch", Packs.LOT, "2027-05-31",
                    "expiry 2027-05-31 does not match the commissioned expiry 2027-05-31T00:00Z"));

            assertThat(lookup.statusOf(scanned("S1"))).isEqualTo(ProductStatus.MISMATCHED_EXPIRY);
        }

        @Test
        void whenTheStatusIsNewToTheHubThenTheAnswerIsUnavailableNotGuessed() throws Exception {
            ledgerAnswers(answer("quarantined", Packs.LOT, "2027-05-31", "…"));

            ProductStatusUnavailableException e = catchThrowableOfType(ProductStatusUnavailableException.class,
                    () -> lookup.statusOf(scanned("S1")));

            assertThat(e.transientCause()).isFalse();
            assertThat(e).hasMessageContaining("quarantined");
        }

        @Test
        void whenTheAnswerIsNotJsonThenItIsUnavailable() throws Exception {
            ledgerAnswers("<html>proxy error</html>");

            assertThat(catchThrowableOfType(ProductStatusUnavailableException.class,
                    () -> lookup.statusOf(scanned("S1")))).hasMessageContaining("not JSON");
        }
    }

    @Nested
    class WhenTheLedgerFails {

        @Test
        void whenThePeerIsUnreachableThenItIsATransientUnavailability() throws Exception {
            when(contract.evaluateTransaction(any(String.class), any(String[].class)))
                    .thenThrow(new GatewayException(Status.UNAVAILABLE.withDescription("connection refused")
                            .asRuntimeException()));

            ProductStatusUnavailableException e = catchThrowableOfType(ProductStatusUnavailableException.class,
                    () -> lookup.statusOf(scanned("S1")));

            assertThat(e.transientCause()).isTrue();
        }

        @Test
        void whenTheIdentityIsRefusedThenItIsAConfigurationFault() throws Exception {
            when(contract.evaluateTransaction(any(String.class), any(String[].class)))
                    .thenThrow(new GatewayException(Status.PERMISSION_DENIED.withDescription("access denied")
                            .asRuntimeException()));

            ProductStatusUnavailableException e = catchThrowableOfType(ProductStatusUnavailableException.class,
                    () -> lookup.statusOf(scanned("S1")));

            assertThat(e.transientCause()).isFalse();
        }

        @Test
        void whenTheContractRefusesTheIdentifierThenItIsTheCallersFault() throws Exception {
            when(contract.evaluateTransaction(any(String.class), any(String[].class)))
                    .thenThrow(new GatewayException(Status.UNKNOWN.withDescription("evaluate call to endorser returned"
                            + " error: chaincode response 500, INVALID_ARGUMENT: serial is required")
                            .asRuntimeException()));

            InvalidProductIdentifierException e = catchThrowableOfType(InvalidProductIdentifierException.class,
                    () -> lookup.statusOf(scanned("S1")));

            assertThat(e).hasMessage("serial is required");
        }

        @Test
        void whenTheContractIsNotInitialisedThenItIsUnavailableForNow() throws Exception {
            when(contract.evaluateTransaction(any(String.class), any(String[].class)))
                    .thenThrow(new GatewayException(Status.UNKNOWN.withDescription("chaincode response 500, "
                            + "NOT_INITIALISED: init has not named the regulator MSP yet").asRuntimeException()));

            ProductStatusUnavailableException e = catchThrowableOfType(ProductStatusUnavailableException.class,
                    () -> lookup.statusOf(scanned("S1")));

            assertThat(e.transientCause()).isTrue();
            assertThat(e).hasMessageContaining("NOT_INITIALISED");
        }
    }
}
