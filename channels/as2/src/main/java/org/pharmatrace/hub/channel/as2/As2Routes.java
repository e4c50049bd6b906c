package org.pharmatrace.hub.channel.as2;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Receiving advance ship notices over AS2: our camel-as2 server decrypts, the sender and the protection of its
 * message are checked against its profile, the X12 856 or EDIFACT DESADV is kept, mapped and captured, and the
 * MDN (signed, with the MIC, synchronous or to the partner's configured URL) says processed only once the events
 * are on the canonical topic. The partner's functional acknowledgement (997/999/CONTRL) follows as an AS2 message
 * of ours. Refusals are handled once, on the receiving route: dead letter, error disposition, rejecting
 * acknowledgement.
 */
@Component
@ConditionalOnProperty(name = "hub.channels.as2.enabled", havingValue = "true")
public class As2Routes extends RouteBuilder {

    static final String RECEIVE_ROUTE = "as2-receive-message";
    static final String RECEIVE_UNENCRYPTED_ROUTE = "as2-receive-unencrypted-message";
    static final String DEAD_LETTER = "as2.deadLetter";

    private final As2Reception reception;
    private final As2Refusals refusals;
    private final As2Acknowledgements acknowledgements;
    private final As2RequestScreenInstaller screen;
    private final As2AsyncMdns asyncMdns;

    public As2Routes(As2Reception reception, As2Refusals refusals, As2Acknowledgements acknowledgements,
                     As2RequestScreenInstaller screen, As2AsyncMdns asyncMdns) {
        this.reception = reception;
        this.refusals = refusals;
        this.acknowledgements = acknowledgements;
        this.screen = screen;
        this.asyncMdns = asyncMdns;
    }

    @Override
    public void configure() {
        receiving(RECEIVE_ROUTE, "/", true);
        // camel-as2 refuses every unencrypted message on a consumer that holds a decryption key: unencrypted
        // messages from partners whose profile allows them go, through the screen, to a consumer of the same
        // server that holds none
        receiving(RECEIVE_UNENCRYPTED_ROUTE, As2RequestScreen.UNENCRYPTED_PATH, false);

        from("direct:as2-check-sender-and-security").routeId("as2-check-sender-and-security")
                .errorHandler(noErrorHandler())
                .process(reception::checkSenderAndSecurity);

        from("direct:as2-map-advance-ship-notice").routeId("as2-map-advance-ship-notice")
                .errorHandler(noErrorHandler())
                .process(reception::recogniseFormat)
                .process(reception::keepOriginal)
                .process(reception::mapAdvanceShipNotice);

        from("direct:as2-capture-events").routeId("as2-capture-events")
                .errorHandler(noErrorHandler())
                .process(reception::ingest);

        from("direct:as2-acknowledge-interchange").routeId("as2-acknowledge-interchange")
                .errorHandler(noErrorHandler())
                .setBody(exchangeProperty(As2Reception.ACKNOWLEDGEMENT))
                .filter(body().isNotNull())
                .wireTap("seda:as2-send-functional-acknowledgement");

        from("direct:as2-send-asynchronous-mdn").routeId("as2-send-asynchronous-mdn")
                .errorHandler(noErrorHandler())
                .process(asyncMdns::deliverIfAsked);

        from("direct:as2-refuse-message").routeId("as2-refuse-message")
                .process(refusals::deadLetter)
                .process(refusals::answer)
                .to("direct:as2-send-asynchronous-mdn")
                .setBody(method(refusals, "acknowledgement"))
                .filter(body().isNotNull())
                .wireTap("seda:as2-send-functional-acknowledgement");

        // camel-as2's producer is asynchronous (its own executor) and the seda consumer does not wait for it: every
        // queued acknowledgement leased a connection at once from the client's pool (5 per target, camel-as2 sets
        // only the total), the leases that timed out kept their connection, and the pool stalled for good. Here each
        // sender waits for its acknowledgement's MDN before taking the next, and there are fewer senders than
        // connections. Several senders, because camel-as2 always asks "Expect: 100-continue" and waits 3 s
        // (httpcore5's default) for a server that never answers 100 (as2-lib's receiver) before sending the body.
        from("seda:as2-send-functional-acknowledgement"
                + "?concurrentConsumers={{hub.channels.as2.acknowledgement-senders:4}}")
                .routeId("as2-send-functional-acknowledgement")
                // the partner's server may be busy or down for a moment
                .onException(Exception.class).maximumRedeliveries("{{hub.channels.as2.acknowledgement-attempts:3}}")
                .redeliveryDelay(200).useExponentialBackOff().end()
                .filter(method(acknowledgements, "hasDestination"))
                .process(acknowledgements::address)
                .process(acknowledgements::sendAndAwaitReceipt)
                .process(acknowledgements::delivered);

        from(As2Acknowledgements.POST).routeId("as2-post-functional-acknowledgement")
                .errorHandler(noErrorHandler())
                .toD("as2://client/send?targetHostname=${header." + As2Acknowledgements.HOST + "}"
                        + "&targetPortNumber=${header." + As2Acknowledgements.PORT + "}"
                        + "&as2From={{hub.channels.as2.as2-id}}&from=hub@{{hub.channels.as2.server-fqdn:localhost}}"
                        + "&clientFqdn={{hub.channels.as2.server-fqdn:localhost}}&as2MessageStructure=SIGNED_ENCRYPTED"
                        + "&signingAlgorithm={{hub.channels.as2.signing-algorithm:SHA256WITHRSA}}"
                        + "&signingPrivateKey=#as2PrivateKey&signingCertificateChain=#as2CertificateChain"
                        + "&encryptingAlgorithm={{hub.channels.as2.encryption-algorithm:AES128_CBC}}"
                        + "&dispositionNotificationTo=hub@{{hub.channels.as2.server-fqdn:localhost}}"
                        + "&signedReceiptMicAlgorithms=sha-256&inBody=ediMessage"
                        // partners' servers close idle connections without saying so: none is kept for reuse
                        + "&httpConnectionPoolTtl={{hub.channels.as2.outbound-keep-alive:PT0.001S}}"
                        + "&httpSocketTimeout={{hub.channels.as2.outbound-timeout:PT60S}}");
    }

    /** Our AS2 server at {@code path}, decrypting with our key or holding none, and the steps of receiving. */
    private void receiving(String routeId, String path, boolean decrypting) {
        from("as2://server/listen?serverPortNumber={{hub.channels.as2.port:4080}}&requestUriPattern=" + path
                + "&serverFqdn={{hub.channels.as2.server-fqdn:localhost}}&server=PharmaTrace hub"
                + "&signingAlgorithm={{hub.channels.as2.signing-algorithm:SHA256WITHRSA}}"
                + "&signingPrivateKey=#as2PrivateKey&signingCertificateChain=#as2CertificateChain"
                + (decrypting ? "&decryptingPrivateKey=#as2PrivateKey" : ""))
                .routeId(routeId).routePolicy(screen)
                // every refusal, whichever step finds it, and any failure of the hub: declared once for the flow
                // (the steps below have no error handler of their own, so their exceptions come here)
                .onException(Exception.class).handled(true).to("direct:as2-refuse-message").end()
                .to("direct:as2-check-sender-and-security")
                .to("direct:as2-map-advance-ship-notice")
                .to("direct:as2-capture-events")
                .to("direct:as2-acknowledge-interchange")
                .to("direct:as2-send-asynchronous-mdn");
    }
}
