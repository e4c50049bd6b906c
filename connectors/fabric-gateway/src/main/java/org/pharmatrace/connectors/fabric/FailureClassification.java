package org.pharmatrace.connectors.fabric;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * What a failed endorse, submit or commit means for the batch: {@link Verdict#RETRY} (a new transaction may well
 * succeed), {@link Verdict#REJECT} (the ledger refuses the batch itself; dead-letter it) or {@link Verdict#FAIL} (the
 * hub cannot submit as configured; keep the batch).
 *
 * @param code the contract error code, the Fabric validation code or the gRPC status code that decided
 */
record FailureClassification(Verdict verdict, String code, String reason) {

  enum Verdict { RETRY, REJECT, FAIL }

  /**
   * Invalidated at commit, but a fresh endorsement reads fresh state: another transaction wrote a key this one read
   * (MVCC, phantom), or endorsements were missing or stale (a peer down, chaincode upgraded in between).
   */
  private static final Set<TxValidationCode> RETRYABLE_VALIDATION_CODES = EnumSet.of(
      TxValidationCode.MVCC_READ_CONFLICT, TxValidationCode.PHANTOM_READ_CONFLICT,
      TxValidationCode.ENDORSEMENT_POLICY_FAILURE, TxValidationCode.EXPIRED_CHAINCODE,
      TxValidationCode.CHAINCODE_VERSION_CONFLICT);

  /**
   * gRPC answers worth another try: the peer or orderer unreachable or too slow, and ABORTED, which the gateway
   * uses when it could not gather matching endorsements (a chaincode refusal is recognised before this applies).
   */
  private static final Set<Status.Code> RETRYABLE_GRPC_CODES = EnumSet.of(
      Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED, Status.Code.ABORTED, Status.Code.RESOURCE_EXHAUSTED);

  /** The peer's wrapping of a chaincode error response, e.g. {@code chaincode response 500, NOT_COMMISSIONED: ...}. */
  private static final Pattern CHAINCODE_RESPONSE = Pattern.compile("chaincode response (\\d{3}),\\s*(.*)",
      Pattern.DOTALL);
  /** {@code TraceabilityError.exception} writes "CODE: message". */
  private static final Pattern CONTRACT_CODE = Pattern.compile("\\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+): ");

  static FailureClassification of(Throwable failure) {
    if (failure instanceof CommitException commit) {
      return ofValidationCode(commit.getCode(), commit.getTransactionId());
    }
    if (failure instanceof GatewayException gateway) {
      return ofGrpc(gateway.getStatus(), gateway.getDetails());
    }
    if (failure instanceof GatewayRuntimeException gateway) {
      return ofGrpc(gateway.getStatus(), gateway.getDetails());
    }
    if (failure instanceof StatusRuntimeException grpc) {
      return ofGrpc(grpc.getStatus(), List.of());
    }
    return new FailureClassification(Verdict.FAIL, failure.getClass().getSimpleName(), String.valueOf(
        failure.getMessage()));
  }

  /** The commit status of a transaction that was not {@code VALID}. */
  static FailureClassification ofValidationCode(TxValidationCode code, String transactionId) {
    String reason = "transaction " + transactionId + " was invalidated at commit: " + code;
    return new FailureClassification(RETRYABLE_VALIDATION_CODES.contains(code) ? Verdict.RETRY : Verdict.REJECT,
        code.name(), reason);
  }

  private static FailureClassification ofGrpc(Status status, List<ErrorDetail> details) {
    // Only what the peers said is searched for codes, not the gRPC code name: INVALID_ARGUMENT is both.
    List<String> messages = new ArrayList<>();
    details.forEach(detail -> messages.add(detail.getMessage()));
    if (status.getDescription() != null) {
      messages.add(status.getDescription());
    }
    FailureClassification refusal = chaincodeRefusal(messages);
    if (refusal != null) {
      return refusal;
    }
    String reason = describe(status, details);
    for (String message : messages) {
      for (TxValidationCode code : RETRYABLE_VALIDATION_CODES) {
        if (message.contains(code.name())) {
          return new FailureClassification(Verdict.RETRY, code.name(), reason);
        }
      }
    }
    Verdict verdict = RETRYABLE_GRPC_CODES.contains(status.getCode()) || noEndorsersNow(status) ? Verdict.RETRY
        : Verdict.FAIL;
    return new FailureClassification(verdict, status.getCode().name(), reason);
  }

  /**
   * The gateway found no set of reachable peers that satisfies the endorsement policy: peers of other organisations
   * are down, or a restarted peer has not yet learnt of them through gossip. That passes.
   */
  private static boolean noEndorsersNow(Status status) {
    String description = status.getDescription() == null ? "" : status.getDescription();
    return status.getCode() == Status.Code.FAILED_PRECONDITION
        && (description.contains("no combination of peers") || description.contains("no peers available"));
  }

  /**
   * The contract's refusal, looked for in the endorsing peers' details first (where the gateway puts the chaincode
   * response), then in the status message (where it lands for evaluations and older peers).
   */
  private static FailureClassification chaincodeRefusal(List<String> messages) {
    String unexplained = null;
    for (String message : messages) {
      Matcher coded = CONTRACT_CODE.matcher(message);
      while (coded.find()) {
        if (ContractErrorCode.named(coded.group(1)).isPresent()) {
          return new FailureClassification(Verdict.REJECT, coded.group(1), message.substring(coded.end()).trim());
        }
      }
      Matcher response = CHAINCODE_RESPONSE.matcher(message);
      if (unexplained == null && response.find() && response.group(1).startsWith("5")) {
        unexplained = response.group(2).trim();
      }
    }
    return unexplained == null ? null
        : new FailureClassification(Verdict.REJECT, LedgerRejection.CHAINCODE_ERROR, unexplained);
  }

  private static String describe(Status status, List<ErrorDetail> details) {
    StringBuilder text = new StringBuilder(status.getCode().name());
    if (status.getDescription() != null) {
      text.append(": ").append(status.getDescription());
    }
    for (ErrorDetail detail : details) {
      text.append("; ").append(detail.getMspId()).append(" (").append(detail.getAddress()).append("): ")
          .append(detail.getMessage());
    }
    return text.toString();
  }
}
