package org.pharmatrace.gs1;

/** The three segmentations of a 10-digit US National Drug Code: labeler-product-package digit counts. */
public enum NdcFormat {
    /** 4-digit labeler, 4-digit product, 2-digit package: 1234-5678-90. */
    FORMAT_4_4_2(4, 4, 2),
    /** 5-digit labeler, 3-digit product, 2-digit package: 12345-678-90. */
    FORMAT_5_3_2(5, 3, 2),
    /** 5-digit labeler, 4-digit product, 1-digit package: 12345-6789-0. */
    FORMAT_5_4_1(5, 4, 1);

    private final int labelerDigits;
    private final int productDigits;
    private final int packageDigits;

    NdcFormat(int labelerDigits, int productDigits, int packageDigits) {
        this.labelerDigits = labelerDigits;
        this.productDigits = productDigits;
        this.packageDigits = packageDigits;
    }

    public int labelerDigits() {
        return labelerDigits;
    }

    public int productDigits() {
        return productDigits;
    }

    public int packageDigits() {
        return packageDigits;
    }

    /** The format with these segment lengths, or null. */
    static NdcFormat of(int labeler, int product, int pack) {
        for (NdcFormat f : values()) {
            if (f.labelerDigits == labeler && f.productDigits == product && f.packageDigits == pack) {
                return f;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return labelerDigits + "-" + productDigits + "-" + packageDigits;
    }
}
