package org.pharmatrace.hub.channel.mllp;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hub.channels.mllp.*}: where the MLLP listener listens, and which pharmacy systems may send to it — each known
 * by its sending facility (MSH-4) and optionally application (MSH-3), fed to the pipeline as a configured hub
 * partner, with the profile its dispense messages are mapped with.
 *
 * @param enabled whether the listener runs
 * @param host the address to listen on (loopback by default: a TLS-terminating proxy or VPN end sits in front)
 * @param port the MLLP port
 * @param maxConcurrentConsumers connections served at once (one thread each; messages of one connection in order)
 * @param receiveTimeout milliseconds to wait for the rest of a started message before dropping the connection
 * @param idleTimeout milliseconds a connection may stay idle before it is closed (null: never)
 * @param maxBufferSize largest message the MLLP reader buffers, in bytes; beyond it the connection is reset without
 *        an ACK (messages over {@code hl7.maxMessageBytes} but within it get an AR naming their size)
 * @param mediaType media type of the stored (redacted) originals
 * @param partners the pharmacy systems that may send
 */
@ConfigurationProperties("hub.channels.mllp")
public record MllpChannelProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("127.0.0.1") String host,
        @DefaultValue("2575") int port,
        @DefaultValue("5") int maxConcurrentConsumers,
        @DefaultValue("15000") int receiveTimeout,
        Integer idleTimeout,
        @DefaultValue("4194304") int maxBufferSize,
        @DefaultValue("x-application/hl7-v2+er7") String mediaType,
        List<Sender> partners) {

    public MllpChannelProperties {
        partners = partners == null ? List.of() : List.copyOf(partners);
    }

    /**
     * One pharmacy system.
     *
     * @param partner the hub partner ({@code hub.partners[].id}) its events are captured for
     * @param sendingFacilities MSH-4 values it sends: the namespace id (MSH-4.1) or the universal id (MSH-4.2, e.g. GLN)
     * @param sendingApplications MSH-3.1 values it sends; empty: any
     * @param location SGLN of the dispensing site (readPoint/bizLocation); empty: the GLN in MSH-4 when MSH-4.3 is GLN
     * @param owningParty PGLN/SGLN of the pharmacy, for bizTransactions when MSH-4 carries no GLN
     * @param eventTimeZoneOffset offset for dispense times given without one, e.g. {@code -05:00}
     * @param companyPrefixLengths GS1 company prefix lengths for GTINs not built from an NDC, e.g. {@code 0614141: 7}
     * @param ndcCatalog hyphenated NDCs ({@code 12345-6789-0}) so that unhyphenated and 11-digit NDCs resolve
     * @param conventions mapper conventions ({@code hl7.*}, see mapping/hl7-dispense); in YAML write the keys in
     *        brackets, {@code "[hl7.packObxCode]": GS1-2D}, so that Spring keeps their dots
     */
    public record Sender(String partner, List<String> sendingFacilities, List<String> sendingApplications,
                         String location, String owningParty, @DefaultValue("+00:00") String eventTimeZoneOffset,
                         Map<String, Integer> companyPrefixLengths, List<String> ndcCatalog,
                         Map<String, String> conventions) {

        public Sender {
            sendingFacilities = sendingFacilities == null ? List.of() : List.copyOf(sendingFacilities);
            sendingApplications = sendingApplications == null ? List.of() : List.copyOf(sendingApplications);
            companyPrefixLengths = companyPrefixLengths == null ? Map.of() : Map.copyOf(companyPrefixLengths);
            ndcCatalog = ndcCatalog == null ? List.of() : List.copyOf(ndcCatalog);
            conventions = conventions == null ? Map.of() : Map.copyOf(conventions);
        }
    }
}
