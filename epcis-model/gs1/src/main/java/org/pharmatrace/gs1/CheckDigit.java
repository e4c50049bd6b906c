package org.pharmatrace.gs1;

/** The GS1 mod-10 check digit shared by GTIN, SSCC, GLN, GRAI, GDTI, GSRN, GSIN and the other numeric GS1 keys. */
public final class CheckDigit {

    private CheckDigit() {
    }

    /**
     * Computes the check digit for a body of digits (the key without its check digit).
     * Weights alternate 3,1,3,1… starting from the rightmost digit of the body, so one routine serves every key length.
     *
     * @throws IllegalArgumentException when the body is empty or holds a non-digit
     */
    public static int compute(String digitsWithoutCheck) {
        if (digitsWithoutCheck == null || digitsWithoutCheck.isEmpty()) {
            throw new IllegalArgumentException("check digit: no digits given");
        }
        int sum = 0;
        boolean weightThree = true;
        for (int i = digitsWithoutCheck.length() - 1; i >= 0; i--) {
            char c = digitsWithoutCheck.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException(
                        "check digit: '" + digitsWithoutCheck + "' contains non-digit '" + c + "' at position " + (i + 1));
            }
            int digit = c - '0';
            sum += weightThree ? 3 * digit : digit;
            weightThree = !weightThree;
        }
        return (10 - sum % 10) % 10;
    }

    /** True when the last digit is the correct check digit of the digits before it; false for anything that is not digits. */
    public static boolean isValid(String digitsWithCheck) {
        if (digitsWithCheck == null || digitsWithCheck.length() < 2 || !isDigits(digitsWithCheck)) {
            return false;
        }
        int last = digitsWithCheck.length() - 1;
        return compute(digitsWithCheck.substring(0, last)) == digitsWithCheck.charAt(last) - '0';
    }

    /** The body followed by its check digit. */
    public static String append(String digitsWithoutCheck) {
        return digitsWithoutCheck + compute(digitsWithoutCheck);
    }

    static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
