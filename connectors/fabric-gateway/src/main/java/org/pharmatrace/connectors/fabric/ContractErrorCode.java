package org.pharmatrace.connectors.fabric;

import java.util.Optional;

/**
 * The traceability contract's refusal codes ({@code TraceabilityError} in the chaincode module), mirrored here so the
 * hub does not depend on the chaincode shim. The contract prefixes its message with the code; a test keeps this list
 * in step with the chaincode's.
 */
public enum ContractErrorCode {
  NOT_INITIALISED,
  ALREADY_INITIALISED,
  NOT_AUTHORISED,
  REGULATOR_READ_ONLY,
  MALFORMED_BATCH,
  HASH_MISMATCH,
  INVALID_EPC,
  INVALID_ARGUMENT,
  NOT_GTIN_OWNER,
  ALREADY_COMMISSIONED,
  NOT_COMMISSIONED,
  NOT_IN_POSSESSION,
  NOT_SHIPPED_TO_RECEIVER,
  NOT_IN_TRANSIT,
  UNKNOWN_RECIPIENT,
  ITEM_INACTIVE,
  PACKED_IN_CONTAINER,
  INVALID_AGGREGATION,
  EVENT_NOT_FOUND,
  EPC_NOT_FOUND;

  /** The code named {@code name}, if the contract has one. */
  public static Optional<ContractErrorCode> named(String name) {
    for (ContractErrorCode code : values()) {
      if (code.name().equals(name)) {
        return Optional.of(code);
      }
    }
    return Optional.empty();
  }
}
