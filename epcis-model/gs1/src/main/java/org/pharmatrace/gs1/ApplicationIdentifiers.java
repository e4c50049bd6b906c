package org.pharmatrace.gs1;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The GS1 Application Identifiers this hub reads from barcodes (a subset of the GS1 General Specifications AI table:
 * identification keys, dates, pharma-relevant attributes and the measure families), plus the table of AIs whose
 * element strings have a predefined length and therefore need no FNC1 separator.
 */
public final class ApplicationIdentifiers {

    private static final Map<String, ApplicationIdentifier> BY_AI = new HashMap<>();

    /** Two-digit AI prefixes with predefined element string length (AI included), GS1 General Specifications 7.8.4. */
    private static final Map<String, Integer> PREDEFINED_LENGTH = Map.ofEntries(
            Map.entry("00", 20), Map.entry("01", 16), Map.entry("02", 16), Map.entry("03", 16), Map.entry("04", 18),
            Map.entry("11", 8), Map.entry("12", 8), Map.entry("13", 8), Map.entry("14", 8), Map.entry("15", 8),
            Map.entry("16", 8), Map.entry("17", 8), Map.entry("18", 8), Map.entry("19", 8), Map.entry("20", 4),
            Map.entry("31", 10), Map.entry("32", 10), Map.entry("33", 10), Map.entry("34", 10), Map.entry("35", 10),
            Map.entry("36", 10), Map.entry("41", 16));

    static {
        define("00", "N18C", "SSCC");
        define("01", "N14C", "GTIN");
        define("02", "N14C", "CONTENT");
        define("10", "X..20", "BATCH/LOT");
        define("11", "D", "PROD DATE");
        define("12", "D", "DUE DATE");
        define("13", "D", "PACK DATE");
        define("15", "D", "BEST BEFORE or BEST BY");
        define("16", "D", "SELL BY");
        define("17", "D", "USE BY OR EXPIRY");
        define("20", "N2", "VARIANT");
        define("21", "X..20", "SERIAL");
        define("22", "X..20", "CPV");
        define("235", "X..28", "TPX");
        define("240", "X..30", "ADDITIONAL ID");
        define("241", "X..30", "CUST. PART No.");
        define("250", "X..30", "SECONDARY SERIAL");
        define("251", "X..30", "REF. TO SOURCE");
        define("253", "N13C+X..17", "GDTI");
        define("254", "X..20", "GLN EXTENSION COMPONENT");
        define("255", "N13C+N..12", "GCN");
        define("30", "N..8", "VAR. COUNT");
        define("37", "N..8", "COUNT");
        define("400", "X..30", "ORDER NUMBER");
        define("401", "X..30", "GINC");
        define("402", "N17C", "GSIN");
        define("403", "X..30", "ROUTE");
        define("410", "N13C", "SHIP TO LOC");
        define("411", "N13C", "BILL TO");
        define("412", "N13C", "PURCHASE FROM");
        define("413", "N13C", "SHIP FOR LOC");
        define("414", "N13C", "LOC No.");
        define("415", "N13C", "PAY TO");
        define("416", "N13C", "PROD/SERV LOC");
        define("417", "N13C", "PARTY");
        define("422", "N3", "ORIGIN");
        define("7003", "T", "EXPIRY TIME");
        define("710", "X..20", "NHRN PZN");
        define("711", "X..20", "NHRN CIP");
        define("712", "X..20", "NHRN CN");
        define("713", "X..20", "NHRN DRN");
        define("714", "X..20", "NHRN AIM");
        define("715", "X..20", "NHRN NDC");
        define("7240", "X..20", "PROTOCOL");
        define("8003", "N14C+X..16", "GRAI");
        define("8004", "X..30", "GIAI");
        define("8006", "N14C+N4", "ITIP");
        define("8010", "Y..30", "CPID");
        define("8011", "N..12", "CPID SERIAL");
        define("8017", "N18C", "GSRN - PROVIDER");
        define("8018", "N18C", "GSRN - RECIPIENT");
        define("8019", "N..10", "SRIN");
        define("8020", "X..25", "REF No.");
        define("90", "X..30", "INTERNAL");
        for (int i = 91; i <= 99; i++) {
            define(String.valueOf(i), "X..90", "INTERNAL");
        }
        // Trade and logistic measures: four-digit AIs whose last digit is the decimal point position, six digits each.
        for (int family : new int[] {310, 311, 312, 313, 314, 315, 316, 320, 321, 322, 323, 324, 325, 326, 327, 328, 329,
                330, 331, 332, 333, 334, 335, 336, 337, 340, 341, 342, 343, 344, 345, 346, 347, 348, 349, 350, 351, 352,
                353, 354, 355, 356, 357, 360, 361, 362, 363, 364, 365, 366, 367, 368, 369}) {
            for (int decimals = 0; decimals <= 9; decimals++) {
                define(family + "" + decimals, "N6", "MEASURE");
            }
        }
        for (int decimals = 0; decimals <= 9; decimals++) {
            define("390" + decimals, "N..15", "AMOUNT");
            define("391" + decimals, "N3+N..15", "AMOUNT");
            define("392" + decimals, "N..15", "PRICE");
            define("393" + decimals, "N3+N..15", "PRICE");
        }
    }

    private ApplicationIdentifiers() {
    }

    private static void define(String ai, String format, String title) {
        BY_AI.put(ai, new ApplicationIdentifier(ai, format, title));
    }

    /** The definition of an AI, if this table knows it. */
    public static Optional<ApplicationIdentifier> lookup(String ai) {
        return Optional.ofNullable(BY_AI.get(ai));
    }

    /**
     * Length of the data field when the AI's first two digits have a predefined length (so no FNC1 follows it),
     * else -1.
     */
    public static int predefinedDataLength(String ai) {
        if (ai.length() < 2) {
            return -1;
        }
        Integer total = PREDEFINED_LENGTH.get(ai.substring(0, 2));
        return total == null ? -1 : total - ai.length();
    }

    /** The known AI at the start of {@code text} (AIs are prefix-free, so at most one of 2, 3 or 4 digits matches). */
    static Optional<ApplicationIdentifier> atStartOf(String text, int from) {
        for (int length = 2; length <= 4 && from + length <= text.length(); length++) {
            ApplicationIdentifier ai = BY_AI.get(text.substring(from, from + length));
            if (ai != null) {
                return Optional.of(ai);
            }
        }
        return Optional.empty();
    }
}
