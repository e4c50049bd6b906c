package org.pharmatrace.epcis.hash;

import java.math.BigDecimal;

/**
 * Canonical text of decimal numbers: no sign for positives, no leading zeros, no trailing fraction zeros
 * ({@code 452.0} → {@code 452}, {@code 0.100} → {@code 0.1}, {@code 1E3} → {@code 1000}).
 *
 * <p>Two precisions exist. The CBV 2.0 reference implementation reads every number as an IEEE double and writes it
 * back the way Python does ({@link #appendAsDouble}): integral values in full ({@code 111100001111000011110000} becomes
 * {@code 111100001111000003641344}, as in its SensorDataExamples vector), others in the shortest form that reads back
 * as the same double, in exponent form below 0.0001 ({@code 1e-05}). The current reference keeps the exact decimal
 * value instead ({@link #appendExact}), which is what CBV 2.1 uses here. Both agree on every number with at most 15
 * significant digits and a magnitude of at least 0.0001.
 */
final class Numbers {

    /** A plain representation longer than this is not worth producing (and a hostile exponent must not allocate). */
    private static final int MAX_EXPONENT = 400;

    private Numbers() {
    }

    /** Significant digits up to which a decimal reads back from a double unchanged (DBL_DIG). */
    private static final int DOUBLE_SAFE_DIGITS = 15;

    /**
     * Appends the exact canonical form of {@code s} (trimmed, non-empty) and returns true, or returns false and
     * appends nothing when {@code s} is not a decimal number.
     */
    static boolean appendExact(StringBuilder out, String s) {
        return append(out, s, false);
    }

    /**
     * Appends {@code s} as the CBV 2.0 reference writes it after reading it as a double, or returns false and appends
     * nothing when {@code s} is not a decimal number or overflows a double (the reference then fails the whole
     * event; the value is kept as given here).
     */
    static boolean appendAsDouble(StringBuilder out, String s) {
        return append(out, s, true);
    }

    private static boolean append(StringBuilder out, String s, boolean asDouble) {
        int n = s.length();
        int i = 0;
        boolean negative = false;
        char c = s.charAt(0);
        if (c == '+' || c == '-') {
            negative = c == '-';
            i++;
        }
        int intStart = i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        int intEnd = i;
        int fracStart = i;
        int fracEnd = i;
        if (i < n && s.charAt(i) == '.') {
            fracStart = ++i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            fracEnd = i;
        }
        if (intEnd == intStart && fracEnd == fracStart) {
            return false;
        }
        if (i < n) {
            char e = s.charAt(i);
            if (e != 'e' && e != 'E') {
                return false;
            }
            return asDouble ? appendDouble(out, s, i) : appendWithExponent(out, s, i);
        }
        // skip leading zeros of the integer part and trailing zeros of the fraction
        int firstInt = intStart;
        while (firstInt < intEnd && s.charAt(firstInt) == '0') {
            firstInt++;
        }
        int lastFrac = fracEnd;
        while (lastFrac > fracStart && s.charAt(lastFrac - 1) == '0') {
            lastFrac--;
        }
        boolean zero = firstInt == intEnd && lastFrac == fracStart;
        if (zero) {
            out.append('0');
            return true;
        }
        if (asDouble && !exactAsDouble(s, firstInt, intEnd, fracStart, lastFrac)) {
            return appendDouble(out, s, s.length());
        }
        if (negative) {
            out.append('-');
        }
        if (firstInt == intEnd) {
            out.append('0');
        } else {
            out.append(s, firstInt, intEnd);
        }
        if (lastFrac > fracStart) {
            out.append('.').append(s, fracStart, lastFrac);
        }
        return true;
    }

    private static boolean appendWithExponent(StringBuilder out, String s, int exponentAt) {
        int i = exponentAt + 1;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digitsStart = i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        if (i == digitsStart || i != n) {
            return false;
        }
        // a huge exponent would make the plain form explode; such text is kept as it is
        if (i - digitsStart > 3 || Integer.parseInt(s, digitsStart, i, 10) > MAX_EXPONENT) {
            return false;
        }
        BigDecimal value = new BigDecimal(s).stripTrailingZeros();
        if (value.signum() == 0) {
            out.append('0');
        } else if (value.scale() <= 0) {
            out.append(value.toBigInteger());
        } else {
            out.append(value.toPlainString());
        }
        return true;
    }

    /**
     * Whether a plain decimal (no exponent) writes back from a double exactly as its own digits: at most 15
     * significant digits and, if it has a fraction, not below 0.0001 (where Python switches to exponent form).
     */
    private static boolean exactAsDouble(String s, int firstInt, int intEnd, int fracStart, int lastFrac) {
        int significant;
        if (firstInt < intEnd) {
            significant = intEnd - firstInt + lastFrac - fracStart;
        } else {
            int firstFrac = fracStart;
            while (s.charAt(firstFrac) == '0') {
                firstFrac++;
            }
            if (firstFrac - fracStart >= 4) {
                return false;
            }
            significant = lastFrac - firstFrac;
        }
        return significant <= DOUBLE_SAFE_DIGITS;
    }

    /** The number read as a double and written as Python's {@code str(int(x))} or {@code repr(x)} would. */
    private static boolean appendDouble(StringBuilder out, String s, int exponentAt) {
        if (exponentAt < s.length() && !validExponent(s, exponentAt)) {
            return false;
        }
        double d = Double.parseDouble(s);
        if (Double.isInfinite(d)) {
            return false;
        }
        if (d == 0) {
            out.append('0');
        } else if (d == Math.rint(d)) {
            if (Math.abs(d) < 0x1p62) {
                out.append((long) d);
            } else {
                out.append(new BigDecimal(d).toBigInteger());
            }
        } else {
            appendShortest(out, d);
        }
        return true;
    }

    private static boolean validExponent(String s, int exponentAt) {
        int i = exponentAt + 1;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digitsStart = i;
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        return i > digitsStart && i == s.length();
    }

    /**
     * The shortest decimal that reads back as {@code d} (the nearest one of that length), in Python's repr layout:
     * positional from 0.0001 on, else {@code d.ddde-XX}. A non-integral double is below 2^52, so the large-number
     * exponent form never applies.
     */
    private static void appendShortest(StringBuilder out, double d) {
        BigDecimal exact = new BigDecimal(d);
        BigDecimal shortest = exact;
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal candidate = exact.round(new java.math.MathContext(precision, java.math.RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                shortest = candidate;
                break;
            }
        }
        shortest = shortest.stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        // value = 0.digits × 10^point
        int point = digits.length() - shortest.scale();
        if (d < 0) {
            out.append('-');
        }
        if (point > -4) {
            out.append(shortest.abs().toPlainString());
            return;
        }
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        int exponent = point - 1;
        out.append("e-");
        if (-exponent < 10) {
            out.append('0');
        }
        out.append(-exponent);
    }

    /** Canonical text of a quantity the model already holds as a number. */
    static void appendCanonical(StringBuilder out, BigDecimal value) {
        if (value.signum() == 0) {
            out.append('0');
            return;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            out.append(stripped.toBigInteger());
        } else {
            out.append(stripped.toPlainString());
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
