package org.pharmatrace.verification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** The packs the tests verify, one per status, on a ledger frozen at 10 March 2026. */
final class Packs {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T09:30:00Z"), ZoneOffset.UTC);
    static final String RESPONDER_GLN = "0614141000005";
    static final String RESOLVER = "https://id.pharmatrace.example";

    /** NDC 12345-6789-0 as a GTIN-14. */
    static final String GTIN = "00312345678906";
    /** Another product of the same labeler, recalled as a whole. */
    static final String RECALLED_GTIN = "00312345678913";
    static final String LOT = "LOT-A1";
    static final String RECALLED_LOT = "LOT-R9";
    static final LocalDate EXPIRY = LocalDate.of(2027, 5, 31);
    /** How the barcode writes {@link #EXPIRY}: day 00, the end of the month. */
    static final String EXPIRY_YYMMDD = "270500";

    private Packs() {
    }

    static InMemoryProductStatusLookup ledger() {
        return new InMemoryProductStatusLookup(CLOCK)
                .commission(GTIN, "ACTIVE1", LOT, EXPIRY)
                .commission(GTIN, "RECALLED1", LOT, EXPIRY).recallPack(GTIN, "RECALLED1")
                .commission(RECALLED_GTIN, "GTINRECALL1", LOT, EXPIRY).recallGtin(RECALLED_GTIN)
                .commission(GTIN, "LOTRECALL1", RECALLED_LOT, EXPIRY).recallLot(GTIN, RECALLED_LOT)
                .commission(GTIN, "EXPIRED1", "LOT-OLD", LocalDate.of(2026, 2, 28))
                .commission(GTIN, "DISPENSED1", LOT, EXPIRY).dispense(GTIN, "DISPENSED1")
                .commission(GTIN, "DECOMM1", LOT, EXPIRY).decommission(GTIN, "DECOMM1")
                .commission(GTIN, "DESTROYED1", LOT, EXPIRY).destroy(GTIN, "DESTROYED1");
    }

    static VerificationProperties properties() {
        return new VerificationProperties(RESPONDER_GLN, RESOLVER, null, List.of("PARTNER"), 4);
    }
}
