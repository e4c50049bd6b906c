package org.pharmatrace.connectors.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmatrace.connectors.fabric.FabricFailures.peer;

import io.grpc.Status.Code;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pharmatrace.connectors.fabric.FailureClassification.Verdict;

class FailureClassificationTest {

  @Nested
  class ChaincodeRefusals {

    @Test
    void whenThePeerReportsAContractCodeThenTheBatchIsRejectedWithThatCodeAndMessage() {
      FailureClassification verdict = FailureClassification.of(FabricFailures.contractRefusal("tx1",
          "NOT_COMMISSIONED: event #2 (ni:///sha-256;9f0e?ver=CBV2.0): urn:epc:id:sgtin:0614141.107346.2018 was"
              + " never commissioned"));

      assertThat(verdict.verdict()).isEqualTo(Verdict.REJECT);
      assertThat(verdict.code()).isEqualTo("NOT_COMMISSIONED");
      assertThat(verdict.reason()).isEqualTo("event #2 (ni:///sha-256;9f0e?ver=CBV2.0): "
          + "urn:epc:id:sgtin:0614141.107346.2018 was never commissioned");
    }

    @ParameterizedTest
    @EnumSource(ContractErrorCode.class)
    void whenAnyContractCodeComesBackThenItIsNotRetried(ContractErrorCode code) {
      FailureClassification verdict = FailureClassification.of(FabricFailures.contractRefusal("tx1",
          code.name() + ": refused"));

      assertThat(verdict.verdict()).isEqualTo(Verdict.REJECT);
      assertThat(verdict.code()).isEqualTo(code.name());
    }

    @Test
    void whenAnotherCapitalisedPrefixComesFirstThenTheContractCodeIsStillFound() {
      FailureClassification verdict = FailureClassification.of(FabricFailures.contractRefusal("tx1",
          "WRAPPED_BY_SHIM: ITEM_INACTIVE: urn:epc:id:sgtin:0614141.107346.2018 was destroyed"));

      assertThat(verdict.code()).isEqualTo("ITEM_INACTIVE");
      assertThat(verdict.reason()).isEqualTo("urn:epc:id:sgtin:0614141.107346.2018 was destroyed");
    }

    @Test
    void whenTheCodeIsOnlyInTheStatusMessageThenItIsStillFound() {
      FailureClassification verdict = FailureClassification.of(FabricFailures.endorse("tx1", Code.UNKNOWN,
          "evaluate call to endorser returned error: chaincode response 500, HASH_MISMATCH: event #0: eventID x"
              + " is not the Event Hash ID of its content"));

      assertThat(verdict.verdict()).isEqualTo(Verdict.REJECT);
      assertThat(verdict.code()).isEqualTo("HASH_MISMATCH");
    }

    @Test
    void whenTheChaincodeFailsWithoutACodeThenTheBatchIsRejectedAsAChaincodeError() {
      FailureClassification verdict = FailureClassification.of(FabricFailures.endorse("tx1", Code.ABORTED,
          FabricFailures.ABORTED_ENDORSE, peer("Org1MSP", "peer0:7051",
              "chaincode response 500, java.lang.NullPointerException: Cannot invoke \"String.trim()\"")));

      assertThat(verdict.verdict()).isEqualTo(Verdict.REJECT);
      assertThat(verdict.code()).isEqualTo(LedgerRejection.CHAINCODE_ERROR);
      assertThat(verdict.reason()).startsWith("java.lang.NullPointerException");
    }

    @Test
    void whenTheGrpcCodeIsInvalidArgumentThenItIsNotMistakenForTheContractCodeOfThatName() {
      FailureClassification verdict = FailureClassification.of(FabricFailures.endorse("tx1", Code.INVALID_ARGUMENT,
          "the proposal is malformed"));

      assertThat(verdict.verdict()).isEqualTo(Verdict.FAIL);
      assertThat(verdict.code()).isEqualTo("INVALID_ARGUMENT");
    }
  }

  @Nested
  class TransientFailures {

    @ParameterizedTest
    @EnumSource(value = Code.class, names = {"UNAVAILABLE", "DEADLINE_EXCEEDED", "RESOURCE_EXHAUSTED"})
    void whenEndorsementTimesOutOrThePeerIsDownThenItIsRetried(Code code) {
      FailureClassification verdict = FailureClassification.of(FabricFailures.endorse("tx1", code, "no answer"));

      assertThat(verdict.verdict()).isEqualTo(Verdict.RETRY);
      assertThat(verdict.code()).isEqualTo(code.name());
    }

    @Test
    void whenEndorsementsCouldNotBeGatheredThenItIsRetried() {
      FailureClassification verdict = FailureClassification.of(FabricFailures.endorse("tx1", Code.ABORTED,
          FabricFailures.ABORTED_ENDORSE, peer("Org2MSP", "peer0.org2.example.com:9051",
              "rpc error: code = Unavailable desc = connection refused")));

      assertThat(verdict.verdict()).isEqualTo(Verdict.RETRY);
    }

    @Test
    void whenNoReachablePeersSatisfyTheEndorsementPolicyThenItIsRetried() {
      // What the gateway answers while other organisations' peers are down or not yet known to a restarted peer.
      FailureClassification verdict = FailureClassification.of(FabricFailures.endorse("tx1",
          Code.FAILED_PRECONDITION, "no combination of peers can be derived which satisfy the endorsement policy:"
              + " no peer combination can satisfy the endorsement policy"));

      assertThat(verdict.verdict()).isEqualTo(Verdict.RETRY);
    }

    @Test
    void whenTheOrdererIsUnavailableThenSubmissionIsRetried() {
      FailureClassification verdict = FailureClassification.of(FabricFailures.submit("tx1", Code.UNAVAILABLE,
          "failed to send transaction to orderer"));

      assertThat(verdict.verdict()).isEqualTo(Verdict.RETRY);
    }

    @Test
    void whenTheCommitStatusTimesOutThenItIsRetried() {
      FailureClassification verdict = FailureClassification.of(FabricFailures.commitStatus("tx1",
          Code.DEADLINE_EXCEEDED, "context deadline exceeded"));

      assertThat(verdict.verdict()).isEqualTo(Verdict.RETRY);
    }

    @Test
    void whenAStreamFailsUnavailableThenItIsRetried() {
      FailureClassification verdict = FailureClassification.of(new GatewayRuntimeException(
          FabricFailures.grpc(Code.UNAVAILABLE, "io exception")));

      assertThat(verdict.verdict()).isEqualTo(Verdict.RETRY);
    }
  }

  @Nested
  class CommitInvalidations {

    @ParameterizedTest
    @EnumSource(value = TxValidationCode.class, names = {"MVCC_READ_CONFLICT", "PHANTOM_READ_CONFLICT",
        "ENDORSEMENT_POLICY_FAILURE", "EXPIRED_CHAINCODE", "CHAINCODE_VERSION_CONFLICT"})
    void whenAFreshEndorsementCanCureItThenItIsRetried(TxValidationCode code) {
      FailureClassification verdict = FailureClassification.of(FabricFailures.commit("tx9", code));

      assertThat(verdict.verdict()).isEqualTo(Verdict.RETRY);
      assertThat(verdict.code()).isEqualTo(code.name());
      assertThat(verdict.reason()).contains("tx9");
    }

    @ParameterizedTest
    @EnumSource(value = TxValidationCode.class, names = {"BAD_RWSET", "ILLEGAL_WRITESET", "INVALID_OTHER_REASON"})
    void whenARetryCannotCureItThenTheBatchIsRejectedWithTheValidationCode(TxValidationCode code) {
      FailureClassification verdict = FailureClassification.of(FabricFailures.commit("tx9", code));

      assertThat(verdict.verdict()).isEqualTo(Verdict.REJECT);
      assertThat(verdict.code()).isEqualTo(code.name());
    }
  }

  @Nested
  class ConfigurationFailures {

    @ParameterizedTest
    @EnumSource(value = Code.class, names = {"PERMISSION_DENIED", "NOT_FOUND", "FAILED_PRECONDITION",
        "UNAUTHENTICATED"})
    void whenTheGatewayRefusesTheCallerOrTheTargetThenItFailsWithoutRetry(Code code) {
      FailureClassification verdict = FailureClassification.of(FabricFailures.endorse("tx1", code,
          "channel 'traceability' not found"));

      assertThat(verdict.verdict()).isEqualTo(Verdict.FAIL);
      assertThat(verdict.code()).isEqualTo(code.name());
    }

    @Test
    void whenSomethingElseIsThrownThenItFails() {
      assertThat(FailureClassification.of(new IllegalStateException("boom")).verdict()).isEqualTo(Verdict.FAIL);
    }
  }
}
