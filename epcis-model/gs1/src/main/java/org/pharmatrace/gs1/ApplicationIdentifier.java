package org.pharmatrace.gs1;

/**
 * One GS1 Application Identifier and the format of its data field, as in the GS1 General Specifications AI table.
 * The format is kept in the table's own notation: {@code N18} fixed digits, {@code N..8} up to 8 digits, {@code X..20}
 * up to 20 characters of set 82, {@code Y..30} set 39, a trailing {@code C} = last digit is a GS1 check digit,
 * {@code D} = date YYMMDD, {@code T} = date and time YYMMDDHHMM, {@code +} joins the parts of a composite field.
 *
 * @param ai     the AI digits, e.g. "01"
 * @param format the data field format, e.g. "N14C"
 * @param title  the GS1 data title, e.g. "GTIN"
 */
public record ApplicationIdentifier(String ai, String format, String title) {

    /** Fixed length of the data field, or -1 when it is variable. */
    public int fixedLength() {
        int total = 0;
        for (String part : format.split("\\+")) {
            if (part.contains("..")) {
                return -1;
            }
            total += partLength(part);
        }
        return total;
    }

    /** Maximum length of the data field. */
    public int maxLength() {
        int total = 0;
        for (String part : format.split("\\+")) {
            int dots = part.indexOf("..");
            total += dots >= 0 ? Integer.parseInt(part.substring(dots + 2)) : partLength(part);
        }
        return total;
    }

    private static int partLength(String part) {
        switch (part) {
            case "D":
                return 6;
            case "T":
                return 10;
            default:
                return Integer.parseInt(part.replaceAll("[^0-9]", ""));
        }
    }

    /** True for date fields (YYMMDD) such as 11, 15, 17. */
    public boolean isDate() {
        return format.equals("D");
    }
}
