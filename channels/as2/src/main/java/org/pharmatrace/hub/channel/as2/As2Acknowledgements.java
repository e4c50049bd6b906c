package org.pharmatrace.hub.channel.as2;

import java.net.URI;
import java.security.cert.Certificate;
import org.apache.camel.Exchange;
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
    private static final String ARG = "CamelAs2.";
    private static final Logger LOG = LoggerFactory.getLogger(As2Acknowledgements.class);

    private final As2Partners partners;

    public As2Acknowledgements(As2Partners partners) {
        this.partners = partners;
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

    public void delivered(Exchange exchange) {
        LOG.info("functional acknowledgement sent to {}", exchange.getIn().getHeader(ARG + "as2To"));
    }
}
