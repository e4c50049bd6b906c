package org.pharmatrace.verification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;
import org.pharmatrace.connectors.fabric.ContractErrorCode;
import org.pharmatrace.connectors.fabric.LedgerFailure;
import org.pharmatrace.connectors.fabric.LedgerGateway;
import org.pharmatrace.connectors.fabric.LedgerQueries;
import org.pharmatrace.connectors.fabric.LedgerRejection;

/**
 * A pack's status from the traceability chaincode: its {@code verify(gtin, serial, lot, expiry)} transaction,
 * evaluated on one peer (never ordered, nothing written) under one organisation's identity. The contract's answer is
 * canonical JSON, {@code {"detail", "epc", "expiry", "gtin", "lot", "serial", "status", "verified"}}, with status
 * {@code active}, {@code unknown}, {@code mismatch}, {@code recalled}, {@code dispensed}, {@code decommissioned},
 * {@code destroyed} or {@code expired}. On a mismatch it returns the commissioned lot and expiry, which tell a lot
 * mismatch from an expiry mismatch here; they go no further.
 */
public final class LedgerProductStatusLookup implements ProductStatusLookup {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LedgerQueries queries;
    private final String organisation;

    /** @param organisation the MSP id the hub evaluates {@code verify} as (one of the gateway's identities) */
    public LedgerProductStatusLookup(LedgerGateway gateway, String organisation) {
        this.queries = new LedgerQueries(gateway);
        this.organisation = Objects.requireNonNull(organisation, "organisation");
    }

    /** The MSP id the lookup evaluates as. */
    public String organisation() {
        return organisation;
    }

    @Override
    public ProductStatus statusOf(ProductIdentifier pack) {
        String answer;
        try {
            // ISO date rather than YYMMDD: the hub has resolved the century and day 00 already, the contract need not.
            answer = queries.verify(organisation, pack.gtin(), pack.serial(), pack.lot(),
                    pack.expiry() == null ? null : pack.expiry().toString());
        } catch (LedgerFailure failure) {
            throw new ProductStatusUnavailableException("the ledger cannot be asked now: " + failure.getMessage(),
                    failure.transientCause(), failure);
        } catch (LedgerRejection rejection) {
            throw refused(rejection);
        }
        return status(answer, pack);
    }

    private static RuntimeException refused(LedgerRejection rejection) {
        ContractErrorCode code = rejection.contractError().orElse(null);
        if (code == ContractErrorCode.INVALID_ARGUMENT || code == ContractErrorCode.INVALID_EPC) {
            // The contract's message names only the values it was given, which are the caller's own.
            return new InvalidProductIdentifierException("productIdentifier", null, rejection.reason());
        }
        return new ProductStatusUnavailableException("the ledger refused the verification: " + rejection.code()
                + ": " + rejection.reason(), code == ContractErrorCode.NOT_INITIALISED, rejection);
    }

    static ProductStatus status(String answer, ProductIdentifier pack) {
        JsonNode verification;
        try {
            verification = JSON.readTree(answer);
        } catch (JsonProcessingException e) {
            throw unexpected("an answer that is not JSON", e);
        }
        String status = verification == null ? null : verification.path("status").asText(null);
        if (status == null) {
            throw unexpected("an answer without a status", null);
        }
        return switch (status) {
            case "active" -> ProductStatus.ACTIVE;
            case "unknown" -> ProductStatus.UNKNOWN;
            case "mismatch" -> mismatch(verification, pack);
            case "recalled" -> ProductStatus.RECALLED;
            case "expired" -> ProductStatus.EXPIRED;
            case "dispensed" -> ProductStatus.DISPENSED;
            case "decommissioned" -> ProductStatus.DECOMMISSIONED;
            case "destroyed" -> ProductStatus.DESTROYED;
            default -> throw unexpected("status '" + status + "', which this hub does not know", null);
        };
    }

    private static ProductStatus mismatch(JsonNode verification, ProductIdentifier pack) {
        boolean lot = pack.lot() != null && !pack.lot().equals(verification.path("lot").asText(null));
        boolean expiry = pack.expiry() != null
                && !pack.expiry().toString().equals(verification.path("expiry").asText(null));
        if (lot && expiry) {
            return ProductStatus.MISMATCHED_LOT_AND_EXPIRY;
        }
        if (expiry) {
            return ProductStatus.MISMATCHED_EXPIRY;
        }
        if (lot) {
            return ProductStatus.MISMATCHED_LOT;
        }
        // The values compare equal here but not on the ledger (a normalisation the contract does differently):
        // its own words still say which one it found different.
        return verification.path("detail").asText("").startsWith("expiry")
                ? ProductStatus.MISMATCHED_EXPIRY : ProductStatus.MISMATCHED_LOT;
    }

    private static ProductStatusUnavailableException unexpected(String what, Throwable cause) {
        return new ProductStatusUnavailableException("the ledger's verify transaction returned " + what
                + "; is the deployed chaincode the one this hub was built for?", false, cause);
    }
}
