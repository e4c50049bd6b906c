package org.pharmatrace.verification;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The two 2D barcodes of a pack as PNG images: a QR code holding its GS1 Digital Link, and a GS1 DataMatrix holding its
 * element string (FNC1 first, FNC1 after the variable-length lot), as DSCSA labels carry it. Black modules on white,
 * with the quiet zone each symbology requires. ZXing draws the QR code; the DataMatrix is {@link Gs1DataMatrixSymbol}.
 */
public final class PackBarcodes {

    /** QR codes need four modules of quiet zone; ISO/IEC 16022 asks one for DataMatrix, two keep scanners at ease. */
    private static final int QR_QUIET_ZONE = 4;
    private static final int DATA_MATRIX_QUIET_ZONE = 2;
    private static final int BLACK = 0x000000;
    private static final int WHITE = 0xFFFFFF;

    private final int moduleSize;

    /** @param moduleSize pixels per module */
    public PackBarcodes(int moduleSize) {
        if (moduleSize < 1) {
            throw new IllegalArgumentException("module size " + moduleSize + " is not positive");
        }
        this.moduleSize = moduleSize;
    }

    /** A QR code (error correction M) of a URI, such as the pack's GS1 Digital Link. */
    public byte[] qrCode(String uri) {
        Map<EncodeHintType, Object> hints = Map.of(
                EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                EncodeHintType.MARGIN, 0);
        try {
            return png(new QRCodeWriter().encode(uri, BarcodeFormat.QR_CODE, 0, 0, hints), QR_QUIET_ZONE);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode the Digital Link as a QR code: " + e.getMessage(), e);
        }
    }

    /**
     * A square GS1 DataMatrix (ECC 200) of barcode data as {@link org.pharmatrace.gs1.ElementString#toBarcodeData()}
     * gives it: AIs and values, GS after a variable-length field that is not last. The symbol starts with FNC1, which
     * marks it as GS1 (scanners report {@code ]d2}), and each GS is written as FNC1.
     *
     * @throws IllegalArgumentException when the data holds a character outside ASCII or is too long for a symbol
     */
    public byte[] gs1DataMatrix(String barcodeData) {
        return png(Gs1DataMatrixSymbol.encode(barcodeData), DATA_MATRIX_QUIET_ZONE);
    }

    /** Draws a matrix of one pixel per module at {@link #moduleSize} pixels per module, within a quiet zone. */
    private byte[] png(BitMatrix modules, int quietZone) {
        int width = (modules.getWidth() + 2 * quietZone) * moduleSize;
        int height = (modules.getHeight() + 2 * quietZone) * moduleSize;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < height; y++) {
            int moduleY = y / moduleSize - quietZone;
            for (int x = 0; x < width; x++) {
                int moduleX = x / moduleSize - quietZone;
                boolean dark = moduleX >= 0 && moduleY >= 0 && moduleX < modules.getWidth()
                        && moduleY < modules.getHeight() && modules.get(moduleX, moduleY);
                image.setRGB(x, y, dark ? BLACK : WHITE);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the barcode as PNG", e);
        }
        return png.toByteArray();
    }
}
