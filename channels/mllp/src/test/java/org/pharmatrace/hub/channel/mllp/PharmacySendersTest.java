package org.pharmatrace.hub.channel.mllp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pharmatrace.hub.partner.PartnerDirectory;
import org.pharmatrace.hub.partner.TradingPartner;

/** Which pharmacy system sent a message, and the start-up checks of their configuration. */
class PharmacySendersTest {

    private final PartnerDirectory directory = mock(PartnerDirectory.class);

    PharmacySendersTest() {
        when(directory.byId("corner")).thenReturn(Optional.of(partner("corner")));
        when(directory.byId("other")).thenReturn(Optional.of(partner("other")));
    }

    static TradingPartner partner(String id) {
        return TradingPartner.of(id, id + "MSP", List.of(), List.of());
    }

    static MllpChannelProperties.Sender sender(String partner, List<String> facilities, List<String> applications) {
        return new MllpChannelProperties.Sender(partner, facilities, applications, null, null, "+00:00", Map.of(),
                List.of(), Map.of());
    }

    PharmacySenders senders(MllpChannelProperties.Sender... configured) {
        return new PharmacySenders(new MllpChannelProperties(true, "127.0.0.1", 2575, 5, 15000, null, 4194304,
                "x-application/hl7-v2+er7", List.of(configured)), directory);
    }

    static MessageHeader msh(String application, String facility) {
        return MessageHeader.read(("MSH|^~\\&|" + application + "|" + facility + "|HUB|HUB|2025||RDS^O13|1|P|2.5")
                .getBytes(StandardCharsets.ISO_8859_1)).orElseThrow();
    }

    @Test
    void thenTheSenderIsFoundByFacilityNameOrGlnAndApplicationWhenConfigured() {
        PharmacySenders senders = senders(sender("corner", List.of("CORNER", "0614141000036"), List.of()),
                sender("other", List.of("SHARED"), List.of("APP-B")));

        assertThat(senders.of(msh("ANY", "CORNER^0614141000036^GLN"))).get()
                .extracting(s -> s.partner().id()).isEqualTo("corner");
        assertThat(senders.of(msh("ANY", "^0614141000036^GLN"))).get()
                .extracting(s -> s.profile().partnerId()).isEqualTo("corner");
        assertThat(senders.of(msh("APP-B", "SHARED"))).get().extracting(s -> s.partner().id()).isEqualTo("other");
        assertThat(senders.of(msh("APP-C", "SHARED"))).isEmpty();
        assertThat(senders.of(msh("ANY", "STRANGER"))).isEmpty();
    }

    @Test
    void thenAnUnknownPartnerOrAFacilityClaimedTwiceStopsTheStart() {
        assertThatThrownBy(() -> senders(sender("nobody", List.of("X"), List.of())))
                .hasMessageContaining("there is no hub partner 'nobody'");
        assertThatThrownBy(() -> senders(sender("corner", List.of("X"), List.of()), sender("other", List.of("X"), List.of())))
                .hasMessageContaining("'X' is already configured for partner corner");
        assertThatThrownBy(() -> senders(sender("corner", List.of(), List.of())))
                .hasMessageContaining("sending-facilities");
    }
}
