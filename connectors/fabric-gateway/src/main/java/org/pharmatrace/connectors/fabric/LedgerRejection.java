package org.pharmatrace.connectors.fabric;

import java.util.Optional;

/**
 * The ledger refused a batch for what it contains, and will refuse it again: the chaincode rejected it (code from
 * {@link ContractErrorCode}, or {@value #CHAINCODE_ERROR} when the chaincode failed without one), or the peers
 * invalidated the transaction for a reason a retry does not cure (code = the Fabric validation code). The pipeline
 * dead-letters the batch with {@link #code()} and {@link #reason()}.
 */
public final class LedgerRejection extends Exception {

  /** The chaincode failed without a contract code (an unexpected exception in the contract, for instance). */
  public static final String CHAINCODE_ERROR = "CHAINCODE_ERROR";

  private final String organisation;
  private final String code;
  private final String reason;
  private final String transactionId;

  public LedgerRejection(String organisation, String code, String reason, String transactionId) {
    super(organisation + ": ledger rejected the batch: " + code + ": " + reason
        + (transactionId == null ? "" : " (transaction " + transactionId + ")"));
    this.organisation = organisation;
    this.code = code;
    this.reason = reason;
    this.transactionId = transactionId;
  }

  /** The MSP id the batch was submitted for. */
  public String organisation() {
    return organisation;
  }

  /** A contract error code, {@value #CHAINCODE_ERROR}, or a Fabric transaction validation code. */
  public String code() {
    return code;
  }

  /** The contract's own message (naming event and EPC) or what Fabric said. */
  public String reason() {
    return reason;
  }

  /** The refused transaction's id; null when it is not known. */
  public String transactionId() {
    return transactionId;
  }

  /** The contract's code when the contract itself refused the batch. */
  public Optional<ContractErrorCode> contractError() {
    return ContractErrorCode.named(code);
  }
}
