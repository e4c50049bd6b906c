package org.pharmatrace.chaincode;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.shim.Chaincode.Response;
import org.hyperledger.fabric.shim.ChaincodeServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract as the chaincode server runs it: found by the router's classpath scan, instantiated with its no-arg
 * constructor, invoked by function name with string arguments, errors returned as the peer would send them.
 */
class ContractRouterTest {

    private static ContractRouter router;
    private static final InMemoryChaincodeStub STUB = new InMemoryChaincodeStub();
    private static int tx;

    @BeforeAll
    static void startRouter() throws Exception {
        router = new ContractRouter(new String[] {"-i", "traceability:test"});
        // Scans the contracts and builds the metadata, then "starts" a server that returns at once.
        router.startRouterWithChaincodeServer(new ChaincodeServer() {
            @Override
            public void start() {
            }

            @Override
            public void stop() {
            }
        });
    }

    private static Response invoke(TestIdentity who, String... args) {
        tx++;
        STUB.begin("router-tx" + tx, Instant.parse("2026-03-01T00:00:00Z").plusSeconds(tx), who, List.of(args));
        Response response = router.invoke(STUB);
        if (response.getStatus() == Response.Status.SUCCESS) {
            STUB.commit();
        } else {
            STUB.rollback();
        }
        return response;
    }

    @Nested
    class Invoke {

        @Test
        void whenTransactionsAreCalledByNameThenTheyRunAndErrorsCarryTheirCode() {
            Response init = invoke(TestNetwork.REGULATOR_OFFICER, "init", "RegulatorMSP");
            assertThat(init.getStatus()).isEqualTo(Response.Status.SUCCESS);
            assertThat(init.getStringPayload()).contains("\"regulatorMspId\":\"RegulatorMSP\"");

            Response again = invoke(TestNetwork.MANUFACTURER_USER, "traceability:init", "ManufacturerMSP");
            assertThat(again.getStatus()).isEqualTo(Response.Status.INTERNAL_SERVER_ERROR);
            assertThat(again.getMessage()).startsWith("ALREADY_INITIALISED");
            assertThat(new String(again.getPayload(), UTF_8)).isEqualTo("ALREADY_INITIALISED");

            Response prefix = invoke(TestNetwork.REGULATOR_ADMIN, "registerCompanyPrefix", "0312345", "ManufacturerMSP");
            assertThat(prefix.getStatus()).isEqualTo(Response.Status.SUCCESS);

            Response readOnly = invoke(TestNetwork.REGULATOR_OFFICER, "recordEvents", "{}");
            assertThat(new String(readOnly.getPayload(), UTF_8)).isEqualTo("REGULATOR_READ_ONLY");

            Response malformed = invoke(TestNetwork.MANUFACTURER_USER, "recordEvents", "{\"type\":\"EPCISDocument\"}");
            assertThat(new String(malformed.getPayload(), UTF_8)).isEqualTo("MALFORMED_BATCH");

            Response verify = invoke(TestNetwork.PHARMACY_USER, "verify", "00312345678906", "1001", "", "");
            assertThat(verify.getStringPayload()).contains("\"status\":\"unknown\"");
        }

        @Test
        void whenTheMetadataIsAskedForThenEveryTransactionIsListedWithItsIntent() {
            Response metadata = invoke(TestNetwork.PHARMACY_USER, "org.hyperledger.fabric:GetMetadata");

            assertThat(metadata.getStringPayload())
                    .contains("\"recordEvents\"", "\"registerCompanyPrefix\"", "\"registerParty\"", "\"recall\"",
                            "\"getEvent\"", "\"getEvents\"", "\"getEpcHistory\"", "\"getEpcState\"", "\"getLotState\"", "\"verify\"",
                            "\"getAlerts\"")
                    .contains("ItemState");
        }
    }
}
