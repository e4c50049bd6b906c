package org.pharmatrace.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pharmatrace.chaincode.state.CanonicalJson;
import org.pharmatrace.chaincode.state.ItemState;
import org.pharmatrace.chaincode.state.ItemStatus;

class CanonicalJsonTest {

    @Nested
    class ToBytes {

        @Test
        void whenAnItemStateIsWrittenThenTheBytesAreSortedCompactAndWithoutNulls() {
            ItemState item = new ItemState("urn:epc:id:sgtin:0312345.067890.1001", "00312345678906", "LOT-A",
                    "2027-06-30", ItemStatus.IN_TRANSIT, false, "urn:epc:id:sscc:0312345.0000000001", "DistributorMSP",
                    "ManufacturerMSP", "ManufacturerMSP", "ni:///sha-256;ab?ver=CBV2.0");

            byte[] bytes = CanonicalJson.toBytes(item);

            assertThat(bytes).isEqualTo(("{\"commissionedBy\":\"ManufacturerMSP\","
                    + "\"epc\":\"urn:epc:id:sgtin:0312345.067890.1001\",\"expiry\":\"2027-06-30\","
                    + "\"gtin\":\"00312345678906\",\"inTransitTo\":\"DistributorMSP\","
                    + "\"lastEventHash\":\"ni:///sha-256;ab?ver=CBV2.0\",\"lot\":\"LOT-A\","
                    + "\"owner\":\"ManufacturerMSP\",\"parent\":\"urn:epc:id:sscc:0312345.0000000001\","
                    + "\"recalled\":false,\"status\":\"IN_TRANSIT\"}").getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void whenTheBytesAreReadBackThenTheSameStateComesOut() {
            ItemState item = ItemState.commissioned("urn:epc:id:sscc:0312345.0000000001", null, null, null,
                    "ManufacturerMSP", "ni:///sha-256;cd?ver=CBV2.0");

            assertThat(CanonicalJson.fromBytes(CanonicalJson.toBytes(item), ItemState.class)).isEqualTo(item);
        }
    }
}
