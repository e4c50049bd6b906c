package org.pharmatrace.connectors.fabric;

import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a batch of canonical events ({@code recordEvents}, an EPCIS 2.0 JSON-LD document whose eventIDs are Event
 * Hash IDs) under an organisation's identity and waits until it is committed.
 *
 * <p>Each attempt endorses a new proposal, sends it to ordering ({@code submitAsync}) and waits for its commit status.
 * A transaction invalidated by a read conflict or a stale endorsement, or an endorsement, submission or status call
 * that timed out or found the peer unavailable, is retried with back-off ({@link SubmitRetryPolicy}); a commit status
 * that could not be read is asked for again for the same transaction, which may still commit. Re-endorsing is safe:
 * the contract answers {@code duplicate} for events already recorded.
 *
 * <p>Calls for one organisation should not overlap: its batches are runs of one Kafka partition and later events
 * depend on earlier ones being committed (a pack needs its commission).
 */
public final class EventBatchSubmitter {

  /** The contract transaction that records a batch. */
  public static final String RECORD_EVENTS = "recordEvents";

  private static final Logger LOG = LoggerFactory.getLogger(EventBatchSubmitter.class);

  /** Waits between attempts; tests substitute one that records instead of sleeping. */
  @FunctionalInterface
  interface Pause {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final Function<String, Contract> contracts;
  private final SubmitRetryPolicy retryPolicy;
  private final Pause pause;
  private final DoubleSupplier jitter;

  public EventBatchSubmitter(LedgerGateway gateway, SubmitRetryPolicy retryPolicy) {
    this(gateway::contract, retryPolicy, duration -> Thread.sleep(duration.toMillis()),
        () -> ThreadLocalRandom.current().nextDouble());
  }

  EventBatchSubmitter(Function<String, Contract> contracts, SubmitRetryPolicy retryPolicy, Pause pause,
                      DoubleSupplier jitter) {
    this.contracts = contracts;
    this.retryPolicy = retryPolicy;
    this.pause = pause;
    this.jitter = jitter;
  }

  /**
   * Records the batch and returns once it is committed.
   *
   * @param organisation the MSP id whose identity signs (the records' {@code organisation} header)
   * @param batchDocument the EPCIS document, as {@code CanonicalEventRecords.batchDocument} builds it
   * @throws LedgerRejection the ledger refuses the batch itself (contract error code, or a permanent invalidation)
   * @throws LedgerFailure the batch could not be recorded for now, or not with this configuration
   * @throws IllegalArgumentException the organisation has no ledger identity here
   */
  public LedgerReceipt submit(String organisation, String batchDocument) throws LedgerRejection, LedgerFailure {
    if (batchDocument == null || batchDocument.isBlank()) {
      throw new IllegalArgumentException("an empty batch cannot be recorded");
    }
    Contract contract = contracts.apply(organisation);
    SubmittedTransaction pending = null;
    for (int attempt = 1; ; attempt++) {
      FailureClassification failure;
      Exception cause = null;
      String transactionId = null;
      try {
        if (pending == null) {
          Transaction endorsed = contract.newProposal(RECORD_EVENTS).addArguments(batchDocument).build().endorse();
          pending = endorsed.submitAsync();
        }
        transactionId = pending.getTransactionId();
        Status status = pending.getStatus();
        if (status.isSuccessful()) {
          return receipt(organisation, pending, status, attempt);
        }
        failure = FailureClassification.ofValidationCode(status.getCode(), transactionId);
        pending = null;
      } catch (CommitStatusException e) {
        // The transaction went to ordering: it may commit still, so its status is asked for again rather than
        // endorsing another one.
        failure = FailureClassification.of(e);
        cause = e;
        transactionId = e.getTransactionId();
      } catch (EndorseException | SubmitException e) {
        failure = FailureClassification.of(e);
        cause = e;
        transactionId = e.getTransactionId();
        pending = null;
      } catch (GatewayRuntimeException | StatusRuntimeException e) {
        failure = FailureClassification.of(e);
        cause = e;
        pending = null;
      }
      switch (failure.verdict()) {
        case REJECT -> throw new LedgerRejection(organisation, failure.code(), failure.reason(), transactionId);
        case FAIL -> throw new LedgerFailure(organisation, "cannot record the batch: " + failure.reason(),
            transactionId, attempt, false, cause);
        case RETRY -> {
          if (attempt >= retryPolicy.maxAttempts()) {
            throw new LedgerFailure(organisation, "gave up recording the batch: " + failure.code() + ": "
                + failure.reason(), transactionId, attempt, true, cause);
          }
          Duration wait = retryPolicy.backoff(attempt, jitter);
          LOG.info("{}: attempt {} of {} failed ({}{}), trying again in {} ms", organisation, attempt,
              retryPolicy.maxAttempts(), failure.code(), pending == null ? "" : ", asking the commit status again",
              wait.toMillis());
          waitBeforeRetry(organisation, wait, transactionId, attempt);
        }
        default -> throw new IllegalStateException("unhandled verdict " + failure.verdict());
      }
    }
  }

  private LedgerReceipt receipt(String organisation, SubmittedTransaction committed, Status status, int attempts)
      throws LedgerFailure {
    try {
      return LedgerReceipt.fromResult(organisation, committed.getTransactionId(), status.getBlockNumber(), attempts,
          committed.getResult());
    } catch (IllegalArgumentException e) {
      // Committed, so not to be dead-lettered; a contract that answers otherwise is a deployment mismatch.
      throw new LedgerFailure(organisation, "batch committed in block " + status.getBlockNumber()
          + " but its result is unreadable: " + e.getMessage(), committed.getTransactionId(), attempts, false, e);
    }
  }

  private void waitBeforeRetry(String organisation, Duration wait, String transactionId, int attempt)
      throws LedgerFailure {
    try {
      pause.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LedgerFailure(organisation, "interrupted while waiting to try again", transactionId, attempt, true,
          e);
    }
  }
}
