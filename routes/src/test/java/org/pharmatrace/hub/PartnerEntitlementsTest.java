package org.pharmatrace.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.EventType;
import org.pharmatrace.epcis.model.Location;
import org.pharmatrace.epcis.model.SourceDestination;
import org.pharmatrace.hub.partner.PartyIdentifiers;
import org.pharmatrace.hub.partner.TradingPartner;

/** Which parties a partner speaks for, whatever GLN notation names them. */
class PartnerEntitlementsTest {

    private final TradingPartner manufacturer = TradingPartner.of("acme", "AcmeMSP",
            List.of("urn:epc:id:pgln:030001.111111"), List.of("0614141"));

    @Nested
    class WhenIdentifiersAreCompared {

        @Test
        void thenSglnPglnDigitalLinkAndPlainGlnAreTheSameParty() {
            assertThat(PartyIdentifiers.gln("urn:epc:id:sgln:030001.111111.0")).contains("0300011111116");
            assertThat(PartyIdentifiers.gln("urn:epc:id:pgln:030001.111111")).contains("0300011111116");
            assertThat(PartyIdentifiers.gln("https://id.gs1.org/414/0300011111116")).contains("0300011111116");
            assertThat(PartyIdentifiers.gln("0300011111116")).contains("0300011111116");
            assertThat(PartyIdentifiers.gln("https://example.com/party/7")).isEmpty();
        }

        @Test
        void thenAnSglnExtensionIsStillTheSameCompanysPlace() {
            assertThat(manufacturer.speaksFor("urn:epc:id:sgln:030001.111111.dock-4")).isTrue();
            assertThat(manufacturer.speaksFor("urn:epc:id:sgln:0614141.07346.1234")).isTrue();
            assertThat(manufacturer.speaksFor("urn:epc:id:sgln:039999.999999.0")).isFalse();
        }
    }

    @Test
    void whenAConfiguredPartyIsNoGlnThenTheConfigurationIsRefused() {
        assertThatThrownBy(() -> TradingPartner.of("x", "XMSP", List.of("acme corp"), List.of()))
                .hasMessageContaining("'acme corp' is not a GLN");
    }

    @Test
    void whenAShippingEventNamesAnotherSourceThenItIsNotEntitled() {
        EpcisEvent shipping = new EpcisEvent(EventType.OBJECT_EVENT).setBizStep("urn:epcglobal:cbv:bizstep:shipping")
                .setReadPoint(Location.of("urn:epc:id:sgln:030001.111111.0"));
        shipping.getSourceList().add(new SourceDestination("urn:epcglobal:cbv:sdt:owning_party",
                "urn:epc:id:sgln:039999.999999.0"));
        shipping.getDestinationList().add(new SourceDestination("urn:epcglobal:cbv:sdt:owning_party",
                "urn:epc:id:sgln:030001.111111.0"));

        var problems = new org.pharmatrace.hub.partner.PartnerEntitlements(
                new org.pharmatrace.hub.partner.PartnerDirectory(emptyProperties())).checkEvent(shipping, 4, manufacturer);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.eventIndex()).isEqualTo(4);
            assertThat(p.field()).isEqualTo("sourceList[0]");
            assertThat(p.message()).contains("urn:epc:id:sgln:039999.999999.0 is not one of the parties");
        });
    }

    private static HubProperties emptyProperties() {
        return new HubProperties(null, null, null, null, null, null, List.of(), List.of());
    }
}
