package org.pharmatrace.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pharmatrace.gs1.ElementString;
import org.pharmatrace.gs1.GS1ElementStrings;
import org.pharmatrace.gs1.Gs1Key;
import org.pharmatrace.gs1.Gs1KeyType;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class PackBarcodesTest {

    private static final int YEAR = 2026;

    private final MockMvc mvc = MockMvcBuilders
            .standaloneSetup(new ProductVerificationController(Packs.ledger(), Packs.properties(), Packs.CLOCK))
            .setControllerAdvice(new VerificationProblems())
            .build();

    private byte[] png(String path) throws Exception {
        return mvc.perform(get(URI.create(path)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_PNG))
                .andReturn().getResponse().getContentAsByteArray();
    }

    @Nested
    class QrCode {

        @Test
        void whenDecodedThenItIsThePacksDigitalLinkOnTheHubsResolver() throws Exception {
            byte[] png = png("/01/" + Packs.GTIN + "/10/" + Packs.LOT + "/21/ACTIVE1/qr.png?17=" + Packs.EXPIRY_YYMMDD);

            Result qr = Barcodes.decode(png, BarcodeFormat.QR_CODE);

            assertThat(qr.getText()).isEqualTo(Packs.RESOLVER + "/01/" + Packs.GTIN + "/10/" + Packs.LOT
                    + "/21/ACTIVE1?17=" + Packs.EXPIRY_YYMMDD);
            Gs1Key key = Gs1Key.parse(qr.getText());
            assertThat(key.type()).isEqualTo(Gs1KeyType.SGTIN);
            assertThat(key.gtin()).isEqualTo(Packs.GTIN);
            assertThat(key.serial()).isEqualTo("ACTIVE1");
        }

        @Test
        void whenTheLotComesAsQueryThenTheLinkStillCarriesItInThePath() throws Exception {
            Result qr = Barcodes.decode(png("/01/" + Packs.GTIN + "/21/S1/qr.png?10=L1"), BarcodeFormat.QR_CODE);

            assertThat(qr.getText()).isEqualTo(Packs.RESOLVER + "/01/" + Packs.GTIN + "/10/L1/21/S1");
        }

        @Test
        void whenTheSerialHasReservedCharactersThenTheyArePercentEncodedInTheLink() throws Exception {
            // "A/B&C%" travels as A%2FB... only inside the query-free path segment; '/' cannot pass the servlet
            // container in a path, so the serial here holds the other reserved characters of set 82.
            Result qr = Barcodes.decode(png("/01/" + Packs.GTIN + "/21/A%26B%2BC%3F/qr.png"), BarcodeFormat.QR_CODE);

            assertThat(qr.getText()).isEqualTo(Packs.RESOLVER + "/01/" + Packs.GTIN + "/21/A%26B%2BC%3F");
            assertThat(Gs1Key.parse(qr.getText()).serial()).isEqualTo("A&B+C?");
        }

        @Test
        void thenTheImageHasTheQuietZoneAndModuleSizeConfigured() throws Exception {
            BufferedImage image = Barcodes.image(png("/01/" + Packs.GTIN + "/21/S1/qr.png"));

            // module size 4 (Packs.properties); a QR symbol of version v is 17 + 4v modules, plus 4 quiet ones a side
            assertThat(image.getWidth()).isEqualTo(image.getHeight());
            int modules = image.getWidth() / 4 - 2 * 4;
            assertThat(image.getWidth() % 4).isZero();
            assertThat((modules - 17) % 4).isZero();
            for (int i = 0; i < 16; i++) {
                assertThat(image.getRGB(i, i) & 0xFFFFFF).as("quiet zone at %d", i).isEqualTo(0xFFFFFF);
            }
            assertThat(image.getRGB(16, 16) & 0xFFFFFF).as("the finder pattern's corner").isZero();
        }
    }

    @Nested
    class Gs1DataMatrix {

        @Test
        void whenDecodedThenItIsAGs1SymbolWithGtinExpiryLotAndSerialInThatOrder() throws Exception {
            byte[] png = png("/01/" + Packs.GTIN + "/10/" + Packs.LOT + "/21/ACTIVE1/datamatrix.png?17="
                    + Packs.EXPIRY_YYMMDD);

            Result symbol = Barcodes.decode(png, BarcodeFormat.DATA_MATRIX);

            assertThat(symbol.getResultMetadata()).containsEntry(ResultMetadataType.SYMBOLOGY_IDENTIFIER, "]d2");
            // ZXing reports every FNC1 as GS, the leading one (which makes the symbol GS1) included
            assertThat(symbol.getText()).isEqualTo(GS1ElementStrings.GS + "01" + Packs.GTIN + "17"
                    + Packs.EXPIRY_YYMMDD + "10" + Packs.LOT + GS1ElementStrings.GS + "21ACTIVE1");
            ElementString read = GS1ElementStrings.parse("]d2" + symbol.getText(), YEAR);
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("01", Packs.GTIN);
            expected.put("17", Packs.EXPIRY_YYMMDD);
            expected.put("10", Packs.LOT);
            expected.put("21", "ACTIVE1");
            assertThat(read.values()).containsExactlyEntriesOf(expected);
            assertThat(read.expiry()).isEqualTo(Packs.EXPIRY);
        }

        @Test
        void whenOnlyGtinAndSerialAreGivenThenOnlyTheyAreEncoded() throws Exception {
            Result symbol = Barcodes.decode(png("/01/" + Packs.GTIN + "/21/ACTIVE1/datamatrix.png"),
                    BarcodeFormat.DATA_MATRIX);

            assertThat(symbol.getText()).isEqualTo(GS1ElementStrings.GS + "01" + Packs.GTIN + "21ACTIVE1");
            assertThat(symbol.getResultMetadata()).containsEntry(ResultMetadataType.SYMBOLOGY_IDENTIFIER, "]d2");
        }

        @Test
        void whenValuesAreLongestAndHoldPunctuationThenTheyRoundTrip() throws Exception {
            String lot = "L\"%&'()*+,-./:;<=>?_";
            String serial = "ABCDEFGHIJ0123456789";
            byte[] png = png("/01/" + Packs.GTIN + "/21/" + serial + "/datamatrix.png?17=291231&10="
                    + "L%22%25%26%27%28%29*%2B%2C-.%2F%3A%3B%3C%3D%3E%3F_");

            ElementString read = GS1ElementStrings.parse("]d2" + Barcodes.decode(png, BarcodeFormat.DATA_MATRIX)
                    .getText(), YEAR);

            assertThat(read.lot()).isEqualTo(lot);
            assertThat(read.serial()).isEqualTo(serial);
            assertThat(read.gtin()).isEqualTo(Packs.GTIN);
        }

        @Test
        void thenTheSymbolIsSquare() throws Exception {
            BufferedImage image = Barcodes.image(png("/01/" + Packs.GTIN + "/10/" + Packs.LOT
                    + "/21/ACTIVE1/datamatrix.png?17=" + Packs.EXPIRY_YYMMDD));

            assertThat(image.getWidth()).isEqualTo(image.getHeight());
        }
    }

    @Nested
    class WhenTheIdentifierIsInvalid {

        @Test
        void thenNoImageIsDrawnAnd400NamesTheField() throws Exception {
            mvc.perform(get(URI.create("/01/00312345678907/21/S1/datamatrix.png")))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.field").value("gtin"));
            mvc.perform(get(URI.create("/01/" + Packs.GTIN + "/21/S1/qr.png?17=271301")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.field").value("expiry"));
        }
    }
}
