package org.pharmatrace.demo;

/** The few GS1 rules the demo partners need to write their documents: check digits and key notations. */
final class Gs1 {

    private Gs1() {
    }

    /** The GS1 mod-10 check digit of these digits (GTIN, GLN, SSCC without their last digit). */
    static char checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (d < 0 || d > 9) {
                throw new IllegalArgumentException("'" + digits + "' is not all digits");
            }
            sum += i % 2 == 0 ? d * 3 : d;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    static String withCheckDigit(String digits) {
        return digits + checkDigit(digits);
    }

    /** GTIN-14 of an SGTIN's company prefix and item reference (indicator digit first): 030001 + 0012345. */
    static String gtin(String companyPrefix, String itemReference) {
        return withCheckDigit(itemReference.charAt(0) + companyPrefix + itemReference.substring(1));
    }

    static String sgtin(String companyPrefix, String itemReference, String serial) {
        return "urn:epc:id:sgtin:" + companyPrefix + "." + itemReference + "." + serial;
    }

    /** SSCC EPC URN of an extension digit and a serial reference under a company prefix. */
    static String ssccUrn(String companyPrefix, char extension, String serialReference) {
        return "urn:epc:id:sscc:" + companyPrefix + "." + extension + serialReference;
    }

    /** The 18 digits of an SSCC given as its EPC URN. */
    static String sscc18(String urn) {
        String[] parts = urn.substring("urn:epc:id:sscc:".length()).split("\\.");
        String ref = parts[1];
        return withCheckDigit(ref.charAt(0) + parts[0] + ref.substring(1));
    }

    /** The GLN-13 of an SGLN (the extension does not change whose location it is). */
    static String gln(String sgln) {
        String[] parts = sgln.substring("urn:epc:id:sgln:".length()).split("\\.");
        return withCheckDigit(parts[0] + parts[1]);
    }

    /** The PGLN of the GLN an SGLN is built on. */
    static String pgln(String sgln) {
        String[] parts = sgln.substring("urn:epc:id:sgln:".length()).split("\\.");
        return "urn:epc:id:pgln:" + parts[0] + "." + parts[1];
    }
}
