package org.pharmatrace.mapping.asn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pharmatrace.mapping.asn.AsnSamples.profile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.QuantityElement;

/** The mapping on notices built in code: it knows nothing of X12 or EDIFACT. */
class AsnToEpcisTest {

    private static final SegmentRef LIN = new SegmentRef("1", "LIN", 5, 0, 0, null);
    private static final SegmentRef GTIN = LIN.element(3, 1, "7140");
    private static final SegmentRef QTY = new SegmentRef("1", "QTY", 6, 1, 2, "6060");

    private static AdvanceShipNotice notice(ShippedItem... items) {
        return new AdvanceShipNotice("N-1", LocalDate.of(2025, 11, 20), LocalTime.of(7, 5), null, List.of("PO-1"), null,
                List.of(), List.of(), List.of(items), new SegmentRef("1", "BGM", 2, 0, 0, null));
    }

    private static ShippedItem line(String lot, String quantity, String unit, String... serials) {
        return new ShippedItem(new ProductId(ProductId.Type.GTIN, "00312345678906", GTIN), lot, null,
                new BigDecimal(quantity), unit, List.of(serials), LIN, QTY);
    }

    @Test
    void whenLooseLinesHaveNoSerialsThenTheShippingEventCarriesTheirQuantities() {
        List<EpcisEvent> events = new ArrayList<>();
        long count = new AsnToEpcis(profile()).map(notice(line("LOT-B", "12", "PCE"), line(null, "2", null)), events::add);

        assertThat(count).isEqualTo(1);
        assertThat(events.get(0).getQuantityList()).containsExactly(
                new QuantityElement("urn:epc:class:lgtin:0312345.067890.LOT-B", new BigDecimal("12"), null),
                new QuantityElement("urn:epc:idpat:sgtin:0312345.067890.*", new BigDecimal("2"), null));
        assertThat(events.get(0).getEventTime()).isEqualTo("2025-11-20T07:05:00-05:00");
        assertThat(events.get(0).getBizTransactionList().get(0).value()).isEqualTo("urn:pharmatrace:partner:acme-3pl:po:PO-1");
    }

    @Test
    void whenAQuantityIsAWeightThenItIsRefusedAtItsQuantity() {
        assertThatThrownBy(() -> new AsnToEpcis(profile()).map(notice(line("LOT-B", "1.5", "KGM")), e -> { }))
                .isInstanceOfSatisfying(AsnFormatException.class, e -> {
                    assertThat(e.code()).isEqualTo("UNSUPPORTED_UNIT");
                    assertThat(e.location()).isEqualTo("segment 6 (QTY), element 1.2 in transaction 1");
                });
    }

    @Test
    void whenASerialIsListedTwiceOrIsNoGs1SerialThenEveryProblemIsReportedAndNothingIsSent() {
        List<EpcisEvent> sent = new ArrayList<>();
        assertThatThrownBy(() -> new AsnToEpcis(profile()).map(notice(line("LOT-B", "3", "EA", "S1", "S1", "S 2")), sent::add))
                .isInstanceOfSatisfying(AsnFormatException.class, e -> {
                    assertThat(e.errors()).extracting(EdiError::code)
                            .containsExactly(AsnErrorCode.INVALID_SERIAL, AsnErrorCode.INVALID_SERIAL);
                    assertThat(e.interchange()).isNull();
                });
        assertThat(sent).isEmpty();
    }
}
