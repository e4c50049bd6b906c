package org.pharmatrace.connectors.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.pharmatrace.connectors.fabric.EventBatchSubmitter.RECORD_EVENTS;

import io.grpc.Status.Code;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pharmatrace.connectors.fabric.LedgerReceipt.Outcome;

/**
 * The submitter against a mocked gateway: each expected attempt is one proposal → endorse → submitAsync → status.
 */
class EventBatchSubmitterTest {

  private static final String ORG = "AcmeMSP";
  private static final String BATCH = LedgerAnswers.batchDocument();
  private static final SubmitRetryPolicy POLICY = new SubmitRetryPolicy(4, Duration.ofMillis(100),
      Duration.ofSeconds(1), 2.0);

  private final Contract contract = mock(Contract.class);
  private final Deque<Proposal.Builder> proposals = new ArrayDeque<>();
  private final List<Proposal.Builder> used = new ArrayList<>();
  private final List<Duration> waits = new ArrayList<>();
  private EventBatchSubmitter submitter;

  @BeforeEach
  void gateway() {
    when(contract.newProposal(RECORD_EVENTS)).thenAnswer(call -> {
      Proposal.Builder next = proposals.remove();
      used.add(next);
      return next;
    });
    submitter = new EventBatchSubmitter(organisation -> {
      if (!ORG.equals(organisation)) {
        throw new IllegalArgumentException("no ledger identity for organisation " + organisation);
      }
      return contract;
    }, POLICY, waits::add, () -> 0.5);
  }

  @Nested
  class WhenTheBatchCommits {

    @Test
    void thenTheReceiptCarriesTransactionBlockAndEventOutcomes() throws Exception {
      SubmittedTransaction submitted = attempt("tx-1");
      commits(submitted, 17);

      LedgerReceipt receipt = submitter.submit(ORG, BATCH);

      assertThat(receipt.transactionId()).isEqualTo("tx-1");
      assertThat(receipt.blockNumber()).isEqualTo(17);
      assertThat(receipt.attempts()).isEqualTo(1);
      assertThat(receipt.organisation()).isEqualTo(ORG);
      assertThat(receipt.outcomeOf(LedgerAnswers.PACK)).contains(Outcome.COMMITTED);
      assertThat(receipt.alerts()).hasSize(1);
      assertThat(waits).isEmpty();
      verify(used.get(0)).addArguments(BATCH);
    }

    @Test
    void thenAReadConflictIsEndorsedAgainUntilItCommits() throws Exception {
      invalidated(attempt("tx-1"), TxValidationCode.MVCC_READ_CONFLICT);
      invalidated(attempt("tx-2"), TxValidationCode.PHANTOM_READ_CONFLICT);
      commits(attempt("tx-3"), 20);

      LedgerReceipt receipt = submitter.submit(ORG, BATCH);

      assertThat(receipt.transactionId()).isEqualTo("tx-3");
      assertThat(receipt.attempts()).isEqualTo(3);
      // jitter 0.5: halfway between half and all of 100 ms, then of 200 ms
      assertThat(waits).containsExactly(Duration.ofMillis(75), Duration.ofMillis(150));
    }

    @Test
    void thenAnUnreadableCommitStatusIsAskedForAgainWithoutANewTransaction() throws Exception {
      SubmittedTransaction submitted = attempt("tx-1");
      Status valid = FabricFailures.status("tx-1", 21, TxValidationCode.VALID);
      when(submitted.getStatus())
          .thenThrow(FabricFailures.commitStatus("tx-1", Code.DEADLINE_EXCEEDED, "context deadline exceeded"))
          .thenReturn(valid);

      LedgerReceipt receipt = submitter.submit(ORG, BATCH);

      assertThat(receipt.transactionId()).isEqualTo("tx-1");
      assertThat(receipt.blockNumber()).isEqualTo(21);
      assertThat(used).hasSize(1);
      verify(submitted, times(2)).getStatus();
      assertThat(waits).hasSize(1);
    }

    @Test
    void thenAnEndorsementTimeoutFollowedBySuccessIsTransparent() throws Exception {
      endorseFails(FabricFailures.endorse("tx-1", Code.DEADLINE_EXCEEDED, "endorsement timed out"));
      commits(attempt("tx-2"), 5);

      assertThat(submitter.submit(ORG, BATCH).attempts()).isEqualTo(2);
    }

    @Test
    void thenAnUnreadableResultIsAFailureNotARejection() throws Exception {
      SubmittedTransaction submitted = attempt("tx-1");
      when(submitted.getResult()).thenReturn("OK".getBytes(StandardCharsets.UTF_8));
      commits(submitted, 9);

      LedgerFailure failure = catchThrowableOfType(LedgerFailure.class, () -> submitter.submit(ORG, BATCH));

      assertThat(failure.transactionId()).isEqualTo("tx-1");
      assertThat(failure.transientCause()).isFalse();
      assertThat(failure).hasMessageContaining("committed in block 9");
    }
  }

  @Nested
  class WhenTheLedgerRefusesTheBatch {

    @Test
    void thenTheContractCodeAndMessageAreSurfacedWithoutRetry() throws Exception {
      endorseFails(FabricFailures.contractRefusal("tx-1",
          "NOT_GTIN_OWNER: event #0: AcmeMSP does not own GS1 company prefix 0614141"));

      LedgerRejection rejection = catchThrowableOfType(LedgerRejection.class, () -> submitter.submit(ORG, BATCH));

      assertThat(rejection.code()).isEqualTo("NOT_GTIN_OWNER");
      assertThat(rejection.contractError()).contains(ContractErrorCode.NOT_GTIN_OWNER);
      assertThat(rejection.reason()).isEqualTo("event #0: AcmeMSP does not own GS1 company prefix 0614141");
      assertThat(rejection.transactionId()).isEqualTo("tx-1");
      assertThat(rejection.organisation()).isEqualTo(ORG);
      assertThat(used).hasSize(1);
      assertThat(waits).isEmpty();
    }

    @Test
    void thenAPermanentInvalidationIsARejectionWithTheValidationCode() throws Exception {
      invalidated(attempt("tx-1"), TxValidationCode.BAD_RWSET);

      LedgerRejection rejection = catchThrowableOfType(LedgerRejection.class, () -> submitter.submit(ORG, BATCH));

      assertThat(rejection.code()).isEqualTo("BAD_RWSET");
      assertThat(rejection.contractError()).isEmpty();
      assertThat(rejection.transactionId()).isEqualTo("tx-1");
      assertThat(waits).isEmpty();
    }
  }

  @Nested
  class WhenTheLedgerCannotBeUsed {

    @Test
    void thenRetriesStopAtTheAttemptLimitWithBoundedWaits() throws Exception {
      for (int i = 1; i <= POLICY.maxAttempts(); i++) {
        endorseFails(FabricFailures.endorse("tx-" + i, Code.UNAVAILABLE, "no peers available"));
      }

      LedgerFailure failure = catchThrowableOfType(LedgerFailure.class, () -> submitter.submit(ORG, BATCH));

      assertThat(failure.attempts()).isEqualTo(4);
      assertThat(failure.transientCause()).isTrue();
      assertThat(failure.transactionId()).isEqualTo("tx-4");
      assertThat(failure).hasMessageContaining("UNAVAILABLE");
      assertThat(used).hasSize(4);
      assertThat(waits).hasSize(3);
      for (int i = 0; i < waits.size(); i++) {
        Duration ceiling = POLICY.ceiling(i + 1);
        assertThat(waits.get(i)).isBetween(ceiling.dividedBy(2), ceiling);
      }
    }

    @Test
    void thenAConfigurationRefusalFailsAtOnce() throws Exception {
      endorseFails(FabricFailures.endorse("tx-1", Code.PERMISSION_DENIED, "access denied: creator org AcmeMSP"));

      LedgerFailure failure = catchThrowableOfType(LedgerFailure.class, () -> submitter.submit(ORG, BATCH));

      assertThat(failure.transientCause()).isFalse();
      assertThat(failure.attempts()).isEqualTo(1);
      assertThat(waits).isEmpty();
    }

    @Test
    void thenAnUnknownOrganisationOrAnEmptyBatchIsACallerMistake() {
      assertThatThrownBy(() -> submitter.submit("StrangerMSP", BATCH)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> submitter.submit(ORG, " ")).isInstanceOf(IllegalArgumentException.class);
      verify(contract, never()).newProposal(RECORD_EVENTS);
    }

    @Test
    void thenAnInterruptedWaitGivesUpAndKeepsTheInterrupt() throws Exception {
      invalidated(attempt("tx-1"), TxValidationCode.MVCC_READ_CONFLICT);
      EventBatchSubmitter interrupted = new EventBatchSubmitter(organisation -> contract, POLICY, wait -> {
        throw new InterruptedException();
      }, () -> 0.5);

      try {
        LedgerFailure failure = catchThrowableOfType(LedgerFailure.class, () -> interrupted.submit(ORG, BATCH));
        assertThat(failure).hasMessageContaining("interrupted");
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
      } finally {
        Thread.interrupted();
      }
    }
  }

  private SubmittedTransaction attempt(String transactionId) throws Exception {
    Proposal.Builder builder = mock(Proposal.Builder.class, RETURNS_SELF);
    Proposal proposal = mock(Proposal.class);
    Transaction endorsed = mock(Transaction.class);
    SubmittedTransaction submitted = mock(SubmittedTransaction.class);
    when(builder.build()).thenReturn(proposal);
    when(proposal.endorse()).thenReturn(endorsed);
    when(endorsed.submitAsync()).thenReturn(submitted);
    when(submitted.getTransactionId()).thenReturn(transactionId);
    when(submitted.getResult()).thenReturn(LedgerAnswers.recordEventsResult(transactionId));
    proposals.add(builder);
    return submitted;
  }

  private void endorseFails(EndorseException failure) throws Exception {
    Proposal.Builder builder = mock(Proposal.Builder.class, RETURNS_SELF);
    Proposal proposal = mock(Proposal.class);
    when(builder.build()).thenReturn(proposal);
    when(proposal.endorse()).thenThrow(failure);
    proposals.add(builder);
  }

  private static void commits(SubmittedTransaction submitted, long block) throws CommitStatusException {
    String transactionId = submitted.getTransactionId();
    Status status = FabricFailures.status(transactionId, block, TxValidationCode.VALID);
    when(submitted.getStatus()).thenReturn(status);
  }

  private static void invalidated(SubmittedTransaction submitted, TxValidationCode code)
      throws CommitStatusException {
    String transactionId = submitted.getTransactionId();
    Status status = FabricFailures.status(transactionId, 3, code);
    when(submitted.getStatus()).thenReturn(status);
  }
}
