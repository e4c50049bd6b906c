package org.pharmatrace.hub.channel.as2;

import java.net.URI;
import java.security.cert.Certificate;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.as2.AS2Endpoint;
import org.apache.camel.component.as2.internal.AS2ApiName;
import org.pharmatrace.hub.channel.as2.As2Partners.As2Partner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Addresses our functional acknowledgements to the partner's own AS2 server: its URL, its AS2 name, its
 * certificate to encrypt to. Partners without a configured URL get none.
 */
@Component
@ConditionalOnProperty(name = "hub.channels.as2.enabled", havingValue = "true")
public class As2Acknowledgements {

    static final String HOST = "as2TargetHost";
    static final String PORT = "as2TargetPort";
    static final String POST = "direct:as2-post-functional-acknowledgement";
    private static final String ARG = "CamelAs2.";
    private static final Logger LOG = LoggerFactory.getLogger(As2Acknowledgements.class);

    private final As2Partners partners;
    private final ProducerTemplate producer;

    public As2Acknowledgements(As2Partners partners, ProducerTemplate producer) {
        this.partners = partners;
        this.producer = producer;
    }

    public boolean hasDestination(Exchange exchange) {
        FunctionalAcknowledgement ack = exchange.getIn().getBody(FunctionalAcknowledgement.class);
        boolean known = partners.byAs2Id(ack.partnerAs2Id()).map(p -> p.settings().url() != null).orElse(false);
        if (!known) {
            LOG.info("no AS2 URL configured for {}: its acknowledgement is not sent", ack.partnerAs2Id());
        }
        return known;
    }

    public void address(Exchange exchange) {
        FunctionalAcknowledgement ack = exchange.getIn().getBody(FunctionalAcknowledgement.class);
        As2Partner partner = partners.byAs2Id(ack.partnerAs2Id()).orElseThrow();
        URI url = URI.create(partner.settings().url());
        exchange.getIn().setHeader(HOST, url.getHost());
        int port = url.getPort() > 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
        exchange.getIn().setHeader(PORT, port);
        exchange.getIn().setHeader(ARG + "requestUri", url.getRawPath() == null || url.getRawPath().isEmpty() ? "/"
                : url.getRawPath());
        exchange.getIn().setHeader(ARG + "as2To", partner.as2Id());
        exchange.getIn().setHeader(ARG + "subject", (ack.accepted() ? "Accepted: " : "Rejected: ")
                + ("application/edifact".equals(ack.mediaType()) ? "CONTRL" : "functional acknowledgement"));
        exchange.getIn().setHeader(ARG + "ediMessageContentType", ack.mediaType());
        exchange.getIn().setHeader(ARG + "ediMessageCharset", "US-ASCII");
        exchange.getIn().setHeader(ARG + "encryptingCertificateChain", new Certificate[] {partner.certificate()});
        exchange.getIn().setBody(ack.content());
    }

    /**
     * Posts the addressed acknowledgement through camel-as2's client and returns only once the partner's MDN came
     * back (or the send failed, which is thrown for the redeliveries).
     */
    public void sendAndAwaitReceipt(Exchange exchange) throws Exception {
        producer.send(POST, exchange);
        Exception failed = exchange.getException();
        if (failed != null) {
            exchange.setException(null);
            forgetClientOf(exchange);
            throw failed;
        }
    }

    /**
     * camel-as2's client never gives back to its pool a connection whose send failed (refused, reset, timed out):
     * after as many failures as the pool holds, every later send to that partner would wait for a connection
     * forever. The partner's client endpoint is dropped instead, and the next attempt builds a fresh one.
     */
    private void forgetClientOf(Exchange exchange) {
        String host = exchange.getIn().getHeader(HOST, String.class);
        Integer port = exchange.getIn().getHeader(PORT, Integer.class);
        exchange.getContext().getEndpoints().stream()
                .filter(AS2Endpoint.class::isInstance).map(AS2Endpoint.class::cast)
                .filter(e -> e.getApiName() == AS2ApiName.CLIENT)
                .filter(e -> e.getConfiguration().getTargetHostname().equals(host)
                        && port != null && e.getConfiguration().getTargetPortNumber() == port)
                .toList()
                .forEach(e -> {
                    try {
                        exchange.getContext().removeEndpoint(e);
                    } catch (Exception stopFailed) {
                        LOG.warn("could not drop the AS2 client endpoint for {}:{}", host, port, stopFailed);
                    }
                });
    }

    public void delivered(Exchange exchange) {
        LOG.info("functional acknowledgement sent to {}", exchange.getIn().getHeader(ARG + "as2To"));
    }
}
