package org.pharmatrace.verification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Packs kept in memory, with the chaincode's {@code verify} precedence: a lot or expiry mismatch, then recalled
 * (pack, lot or GTIN), dispensed, decommissioned, destroyed, expired, else active.
 */
final class InMemoryProductStatusLookup implements ProductStatusLookup {

    private enum State { IN_SUPPLY_CHAIN, DISPENSED, DECOMMISSIONED, DESTROYED }

    private record Pack(String lot, LocalDate expiry, State state, boolean recalled) {
    }

    private final Map<String, Pack> packs = new HashMap<>();
    private final Set<String> recalledGtins = new HashSet<>();
    private final Set<String> recalledLots = new HashSet<>();
    private final Clock clock;
    private RuntimeException failure;

    InMemoryProductStatusLookup(Clock clock) {
        this.clock = clock;
    }

    InMemoryProductStatusLookup commission(String gtin, String serial, String lot, LocalDate expiry) {
        packs.put(key(gtin, serial), new Pack(lot, expiry, State.IN_SUPPLY_CHAIN, false));
        return this;
    }

    InMemoryProductStatusLookup dispense(String gtin, String serial) {
        return move(gtin, serial, State.DISPENSED);
    }

    InMemoryProductStatusLookup decommission(String gtin, String serial) {
        return move(gtin, serial, State.DECOMMISSIONED);
    }

    InMemoryProductStatusLookup destroy(String gtin, String serial) {
        return move(gtin, serial, State.DESTROYED);
    }

    InMemoryProductStatusLookup recallPack(String gtin, String serial) {
        Pack pack = packs.get(key(gtin, serial));
        packs.put(key(gtin, serial), new Pack(pack.lot(), pack.expiry(), pack.state(), true));
        return this;
    }

    InMemoryProductStatusLookup recallGtin(String gtin) {
        recalledGtins.add(gtin);
        return this;
    }

    InMemoryProductStatusLookup recallLot(String gtin, String lot) {
        recalledLots.add(key(gtin, lot));
        return this;
    }

    /** Every later lookup throws this. */
    InMemoryProductStatusLookup failWith(RuntimeException e) {
        this.failure = e;
        return this;
    }

    @Override
    public ProductStatus statusOf(ProductIdentifier identifier) {
        if (failure != null) {
            throw failure;
        }
        Pack pack = packs.get(key(identifier.gtin(), identifier.serial()));
        if (pack == null) {
            return ProductStatus.UNKNOWN;
        }
        boolean lotDiffers = identifier.lot() != null && !identifier.lot().equals(pack.lot());
        boolean expiryDiffers = identifier.expiry() != null && !identifier.expiry().equals(pack.expiry());
        if (lotDiffers || expiryDiffers) {
            return lotDiffers && expiryDiffers ? ProductStatus.MISMATCHED_LOT_AND_EXPIRY
                    : lotDiffers ? ProductStatus.MISMATCHED_LOT : ProductStatus.MISMATCHED_EXPIRY;
        }
        if (pack.recalled() || recalledGtins.contains(identifier.gtin())
                || recalledLots.contains(key(identifier.gtin(), pack.lot()))) {
            return ProductStatus.RECALLED;
        }
        return switch (pack.state()) {
            case DISPENSED -> ProductStatus.DISPENSED;
            case DECOMMISSIONED -> ProductStatus.DECOMMISSIONED;
            case DESTROYED -> ProductStatus.DESTROYED;
            case IN_SUPPLY_CHAIN -> pack.expiry().isBefore(LocalDate.now(clock))
                    ? ProductStatus.EXPIRED : ProductStatus.ACTIVE;
        };
    }

    private InMemoryProductStatusLookup move(String gtin, String serial, State state) {
        Pack pack = packs.get(key(gtin, serial));
        packs.put(key(gtin, serial), new Pack(pack.lot(), pack.expiry(), state, pack.recalled()));
        return this;
    }

    private static String key(String a, String b) {
        return a + "\u0000" + b;
    }
}
