package org.pharmatrace.connectors.fabric;

import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.GatewayRuntimeException;

/**
 * The contract's read-only questions (evaluated on one peer, never ordered), asked as an organisation. Answers are the
 * contract's canonical JSON, passed on as they are. "Not on the ledger" is an empty answer, not an error.
 */
public final class LedgerQueries {

  private final Function<String, Contract> contracts;

  public LedgerQueries(LedgerGateway gateway) {
    this(gateway::contract);
  }

  LedgerQueries(Function<String, Contract> contracts) {
    this.contracts = contracts;
  }

  /** An event as stored (its JSON-LD members, recording transaction, alerts), by Event Hash ID. */
  public Optional<String> event(String organisation, String eventHash) throws LedgerRejection, LedgerFailure {
    return evaluateFound(organisation, ContractErrorCode.EVENT_NOT_FOUND, "getEvent", eventHash);
  }

  /**
   * Several events as stored, in the order of {@code eventHashes}, those not on the ledger left out; the answer is
   * a JSON array of what {@link #event} answers for each.
   */
  public String events(String organisation, List<String> eventHashes) throws LedgerRejection, LedgerFailure {
    return evaluate(organisation, "getEvents", LedgerJson.array(eventHashes));
  }

  /** Every event that touched an EPC (URN or Digital Link), oldest first, with alerts. */
  public String epcHistory(String organisation, String epc) throws LedgerRejection, LedgerFailure {
    return evaluate(organisation, "getEpcHistory", epc);
  }

  /** An item's or container's current state; empty when it was never commissioned. */
  public Optional<String> epcState(String organisation, String epc) throws LedgerRejection, LedgerFailure {
    return evaluateFound(organisation, ContractErrorCode.EPC_NOT_FOUND, "getEpcState", epc);
  }

  /** How many items of a lot are in each status, and whether the lot is recalled. */
  public String lotState(String organisation, String gtin, String lot) throws LedgerRejection, LedgerFailure {
    return evaluate(organisation, "getLotState", gtin, lot);
  }

  /** Verification of a pack's identifier; {@code lot} and {@code expiry} may be null when not read. */
  public String verify(String organisation, String gtin, String serial, String lot, String expiry)
      throws LedgerRejection, LedgerFailure {
    return evaluate(organisation, "verify", gtin, serial, lot == null ? "" : lot, expiry == null ? "" : expiry);
  }

  private Optional<String> evaluateFound(String organisation, ContractErrorCode notFound, String transaction,
                                         String... arguments) throws LedgerRejection, LedgerFailure {
    try {
      return Optional.of(evaluate(organisation, transaction, arguments));
    } catch (LedgerRejection rejection) {
      if (rejection.contractError().filter(notFound::equals).isPresent()) {
        return Optional.empty();
      }
      throw rejection;
    }
  }

  private String evaluate(String organisation, String transaction, String... arguments)
      throws LedgerRejection, LedgerFailure {
    Contract contract = contracts.apply(organisation);
    try {
      return new String(contract.evaluateTransaction(transaction, arguments), StandardCharsets.UTF_8);
    } catch (GatewayException | GatewayRuntimeException | StatusRuntimeException e) {
      FailureClassification failure = FailureClassification.of(e);
      switch (failure.verdict()) {
        case REJECT -> throw new LedgerRejection(organisation, failure.code(), failure.reason(), null);
        case RETRY -> throw new LedgerFailure(organisation, transaction + " could not be answered now: "
            + failure.reason(), null, 1, true, e);
        default -> throw new LedgerFailure(organisation, transaction + " cannot be asked: " + failure.reason(), null,
            1, false, e);
      }
    }
  }
}
