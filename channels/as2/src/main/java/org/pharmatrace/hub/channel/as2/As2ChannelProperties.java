package org.pharmatrace.hub.channel.as2;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The AS2 channel's settings ({@code hub.channels.as2.*}): who we are on AS2, where we listen, our keys, and for each
 * registered partner its AS2 id, certificate, the security it must use, how it wants its MDN, what it sends, and
 * where its own AS2 server takes our functional acknowledgements.
 *
 * @param enabled the channel is off unless configured
 * @param as2Id our AS2 name (the AS2-To partners address, the AS2-From of what we send)
 * @param port the TCP port of our AS2 server
 * @param serverFqdn our host name, used in Message-IDs
 * @param keystore PKCS12 file holding our signing/decryption key and its certificate
 * @param keystorePassword its password (store and key)
 * @param keyAlias the alias of our key in it
 * @param signingAlgorithm how our MDNs and outbound messages are signed
 * @param encryptionAlgorithm how outbound messages are encrypted
 * @param partners the registered partners
 */
@ConfigurationProperties("hub.channels.as2")
public record As2ChannelProperties(
        @DefaultValue("false") boolean enabled,
        String as2Id,
        @DefaultValue("4080") int port,
        @DefaultValue("localhost") String serverFqdn,
        String keystore,
        String keystorePassword,
        @DefaultValue("as2") String keyAlias,
        @DefaultValue("SHA256WITHRSA") String signingAlgorithm,
        @DefaultValue("AES128_CBC") String encryptionAlgorithm,
        @DefaultValue List<Partner> partners) {

    /** How a partner wants its receipt. */
    public enum MdnMode { SYNC, ASYNC }

    /** A document format a partner may send. */
    public enum Format {
        X12_856("application/edi-x12"), EDIFACT_DESADV("application/edifact");

        private final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }

        public String mediaType() {
            return mediaType;
        }
    }

    /**
     * One registered AS2 partner.
     *
     * @param partner the hub partner ({@code hub.partners[].id}) its events are captured for
     * @param as2Id the AS2-From it sends with
     * @param certificate PEM file (or inline PEM) of the certificate it signs with and we encrypt to
     * @param requireSigned unsigned messages are refused (insufficient-message-security)
     * @param requireEncrypted unencrypted messages are refused (insufficient-message-security)
     * @param allowCompressed compressed messages are accepted
     * @param mdn whether its MDN is answered on the connection or sent to {@code asyncMdnUrl}
     * @param asyncMdnUrl the only URL an asynchronous MDN is ever sent to
     * @param formats what it sends ({@code x12-856}, {@code edifact-desadv})
     * @param url its AS2 server, for our functional acknowledgements; none are sent without it
     * @param profile the mapping conventions of its documents
     */
    public record Partner(
            String partner,
            String as2Id,
            String certificate,
            @DefaultValue("true") boolean requireSigned,
            @DefaultValue("true") boolean requireEncrypted,
            @DefaultValue("true") boolean allowCompressed,
            @DefaultValue("SYNC") MdnMode mdn,
            String asyncMdnUrl,
            @DefaultValue({"X12_856", "EDIFACT_DESADV"}) List<Format> formats,
            String url,
            @DefaultValue Profile profile) {
    }

    /**
     * A partner's {@link org.pharmatrace.mapping.PartnerProfile}: on top of the documented defaults.
     *
     * @param owningParty its party (PGLN/SGLN URN) when documents do not name one
     * @param location its default location (SGLN URN)
     * @param eventTimeZoneOffset for times without a zone
     * @param companyPrefixLengths GS1 company prefix to its length, beyond the defaults
     * @param conventions mapping conventions (see mapping/asn README), e.g. {@code x12.ackType: "999"}
     */
    public record Profile(
            String owningParty,
            String location,
            @DefaultValue("+00:00") String eventTimeZoneOffset,
            @DefaultValue Map<String, Integer> companyPrefixLengths,
            @DefaultValue Map<String, String> conventions) {
    }
}
