package org.pharmatrace.verification;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.datamatrix.encoder.DefaultPlacement;
import com.google.zxing.datamatrix.encoder.ErrorCorrection;
import com.google.zxing.datamatrix.encoder.SymbolInfo;
import com.google.zxing.datamatrix.encoder.SymbolShapeHint;
import org.pharmatrace.gs1.GS1ElementStrings;

/**
 * GS1 element strings as square Data Matrix ECC 200 symbols, encoded in ASCII mode (digit pairs in one codeword each):
 * FNC1 first, FNC1 for each GS separator. ZXing supplies the symbol sizes, the Reed-Solomon error correction and the
 * module placement; the codewords are written here because ZXing 3.5.3's own GS1 encoder (the "compact" one, the only
 * one that knows FNC1) writes an FNC1 met in C40 or Text mode as ESC, so that a lot such as {@code LOT-A1} followed by
 * the serial would read back as {@code 10LOT-A1<ESC>21…}.
 */
final class Gs1DataMatrixSymbol {

    private static final int FNC1 = 232;
    private static final int PAD = 129;
    private static final int DIGIT_PAIR_BASE = 130;

    private Gs1DataMatrixSymbol() {
    }

    /** The symbol as one bit per module (true = dark), without quiet zone. */
    static BitMatrix encode(String barcodeData) {
        StringBuilder codewords = new StringBuilder().append((char) FNC1);
        for (int i = 0; i < barcodeData.length(); i++) {
            char c = barcodeData.charAt(i);
            if (isDigit(c) && i + 1 < barcodeData.length() && isDigit(barcodeData.charAt(i + 1))) {
                codewords.append((char) (DIGIT_PAIR_BASE + (c - '0') * 10 + (barcodeData.charAt(++i) - '0')));
            } else if (c == GS1ElementStrings.GS) {
                codewords.append((char) FNC1);
            } else if (c < 128) {
                codewords.append((char) (c + 1));
            } else {
                throw new IllegalArgumentException("GS1 barcode data holds U+" + String.format("%04X", (int) c)
                        + ", which is not ASCII");
            }
        }
        SymbolInfo symbol = SymbolInfo.lookup(codewords.length(), SymbolShapeHint.FORCE_SQUARE, null, null, true);
        pad(codewords, symbol.getDataCapacity());
        DefaultPlacement placement = new DefaultPlacement(ErrorCorrection.encodeECC200(codewords.toString(), symbol),
                symbol.getSymbolDataWidth(), symbol.getSymbolDataHeight());
        placement.place();
        return modules(placement, symbol);
    }

    /** ISO/IEC 16022 5.2.3: one PAD codeword, then PADs scrambled by the 253-state algorithm up to the capacity. */
    private static void pad(StringBuilder codewords, int capacity) {
        if (codewords.length() < capacity) {
            codewords.append((char) PAD);
        }
        while (codewords.length() < capacity) {
            int position = codewords.length() + 1;
            int value = PAD + (149 * position) % 253 + 1;
            codewords.append((char) (value <= 254 ? value : value - 254));
        }
    }

    /**
     * Lays the placed data out in the symbol's data regions, each framed by its finder pattern (a solid left column
     * and bottom row) and its clock track (alternating top row and right column).
     */
    private static BitMatrix modules(DefaultPlacement placement, SymbolInfo symbol) {
        int regionWidth = symbol.matrixWidth;
        int regionHeight = symbol.matrixHeight;
        int regionsAcross = symbol.getSymbolDataWidth() / regionWidth;
        int regionsDown = symbol.getSymbolDataHeight() / regionHeight;
        BitMatrix modules = new BitMatrix(symbol.getSymbolWidth(), symbol.getSymbolHeight());
        for (int regionY = 0; regionY < regionsDown; regionY++) {
            for (int regionX = 0; regionX < regionsAcross; regionX++) {
                int left = regionX * (regionWidth + 2);
                int top = regionY * (regionHeight + 2);
                for (int x = 0; x < regionWidth + 2; x++) {
                    setIf(modules, left + x, top, x % 2 == 0);                        // clock track, top
                    modules.set(left + x, top + regionHeight + 1);                     // finder, bottom
                }
                for (int y = 0; y < regionHeight; y++) {
                    modules.set(left, top + 1 + y);                                    // finder, left
                    setIf(modules, left + regionWidth + 1, top + 1 + y, y % 2 == 0);   // clock track, right
                    for (int x = 0; x < regionWidth; x++) {
                        setIf(modules, left + 1 + x, top + 1 + y,
                                placement.getBit(regionX * regionWidth + x, regionY * regionHeight + y));
                    }
                }
            }
        }
        return modules;
    }

    private static void setIf(BitMatrix modules, int x, int y, boolean dark) {
        if (dark) {
            modules.set(x, y);
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
