package org.pharmatrace.connectors.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.grpc.Status.Code;
import java.nio.charset.StandardCharsets;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.GatewayException;
import org.junit.jupiter.api.Test;

class LedgerQueriesTest {

  private static final String ORG = "RegulatorMSP";

  private final Contract contract = mock(Contract.class);
  private final LedgerQueries queries = new LedgerQueries(organisation -> contract);

  @Test
  void whenTheEventIsOnTheLedgerThenItsJsonIsReturnedAsIs() throws Exception {
    String stored = "{\"hash\":\"" + LedgerAnswers.PACK + "\",\"txId\":\"" + LedgerAnswers.TX + "\"}";
    when(contract.evaluateTransaction("getEvent", LedgerAnswers.PACK))
        .thenReturn(stored.getBytes(StandardCharsets.UTF_8));

    assertThat(queries.event(ORG, LedgerAnswers.PACK)).contains(stored);
  }

  @Test
  void whenTheLedgerDoesNotKnowTheEpcThenTheAnswerIsEmpty() throws Exception {
    when(contract.evaluateTransaction("getEpcState", LedgerAnswers.EPC)).thenThrow(new GatewayException(
        FabricFailures.grpc(Code.UNKNOWN, "evaluate call to endorser returned error: chaincode response 500, "
            + "EPC_NOT_FOUND: urn:epc:id:sgtin:0614141.107346.2018 was never commissioned")));

    assertThat(queries.epcState(ORG, LedgerAnswers.EPC)).isEmpty();
  }

  @Test
  void whenTheQuestionIsMalformedThenTheContractCodeComesBack() throws Exception {
    when(contract.evaluateTransaction("getLotState", "123", "L1")).thenThrow(new GatewayException(
        FabricFailures.grpc(Code.UNKNOWN, "chaincode response 500, INVALID_ARGUMENT: 123 is not a GTIN")));

    LedgerRejection rejection = catchThrowableOfType(LedgerRejection.class,
        () -> queries.lotState(ORG, "123", "L1"));

    assertThat(rejection.contractError()).contains(ContractErrorCode.INVALID_ARGUMENT);
    assertThat(rejection.reason()).isEqualTo("123 is not a GTIN");
  }

  @Test
  void whenThePeerIsUnavailableThenItIsATransientFailure() throws Exception {
    when(contract.evaluateTransaction("verify", "00614141073467", "2018", "", "")).thenThrow(new GatewayException(
        FabricFailures.grpc(Code.UNAVAILABLE, "connection refused")));

    LedgerFailure failure = catchThrowableOfType(LedgerFailure.class,
        () -> queries.verify(ORG, "00614141073467", "2018", null, null));

    assertThat(failure.transientCause()).isTrue();
  }
}
