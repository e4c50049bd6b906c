package org.pharmatrace.hub.channel.as2;

import org.apache.camel.Exchange;
import org.apache.camel.component.as2.api.AS2AsynchronousMDNManager;
import org.apache.camel.component.as2.api.AS2Header;
import org.apache.camel.component.as2.api.AS2SignatureAlgorithm;
import org.apache.camel.component.as2.api.AS2SignedDataGenerator;
import org.apache.camel.component.as2.api.entity.AS2DispositionModifier;
import org.apache.camel.component.as2.api.entity.AS2DispositionType;
import org.apache.camel.component.as2.api.entity.DispositionMode;
import org.apache.camel.component.as2.api.entity.DispositionNotificationMultipartReportEntity;
import org.apache.camel.component.as2.api.entity.MultipartSignedEntity;
import org.apache.camel.component.as2.api.protocol.ResponseMDN;
import org.apache.camel.component.as2.api.util.EntityUtils;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Sends asynchronous MDNs. camel-as2's own asynchronous delivery does not happen with the HTTP core it runs on
 * here (the MDN it prepares stays in a request-scoped context the sending code never sees), so the channel builds
 * the same signed MDN (with the MIC) and posts it itself, to the URL the screen has left on the request: the one
 * configured for the partner, never another. The request then no longer asks for a receipt on the connection.
 */
@Component
@ConditionalOnProperty(name = "hub.channels.as2.enabled", havingValue = "true")
public class As2AsyncMdns {

    private static final Logger LOG = LoggerFactory.getLogger(As2AsyncMdns.class);
    private static final String REPORTING_UA = "PharmaTrace hub";

    private final As2Partners partners;
    private final As2ChannelProperties properties;

    public As2AsyncMdns(As2Partners partners, As2ChannelProperties properties) {
        this.partners = partners;
        this.properties = properties;
    }

    public void deliverIfAsked(Exchange exchange) throws HttpException {
        HttpCoreContext context = As2Outcome.httpContext(exchange);
        ClassicHttpRequest request = (ClassicHttpRequest) context.getRequest();
        Header url = request.getFirstHeader(AS2Header.RECEIPT_DELIVERY_OPTION);
        if (url == null || request.getFirstHeader(AS2Header.DISPOSITION_NOTIFICATION_TO) == null) {
            return;
        }
        AS2DispositionModifier modifier = context.getAttribute(ResponseMDN.DISPOSITION_MODIFIER,
                AS2DispositionModifier.class);
        BasicHttpResponse response = new BasicHttpResponse(200);
        response.setHeader(AS2Header.SERVER, REPORTING_UA);
        DispositionNotificationMultipartReportEntity report = new DispositionNotificationMultipartReportEntity(
                request, response, DispositionMode.AUTOMATIC_ACTION_MDN_SENT_AUTOMATICALLY,
                AS2DispositionType.PROCESSED, modifier, null, null, null, null, "US-ASCII",
                EntityUtils.createBoundaryValue(), true, partners.privateKey(), text(request, modifier), null);
        AS2SignedDataGenerator signer = ResponseMDN.createSigningGenerator(request,
                AS2SignatureAlgorithm.valueOf(properties.signingAlgorithm()), partners.certificateChain(),
                partners.privateKey());
        AS2AsynchronousMDNManager sender = new AS2AsynchronousMDNManager("1.1", REPORTING_UA,
                properties.serverFqdn(), partners.certificateChain(), partners.privateKey(), null, null, null);
        if (signer != null) {
            MultipartSignedEntity signed = ResponseMDN.prepareSignedReceipt(signer, report);
            sender.send(signed, signed.getContentType(), url.getValue());
        } else {
            sender.send(report, report.getMainMessageContentType(), url.getValue());
        }
        // answered: camel-as2 must not answer on the connection as well
        request.removeHeaders(AS2Header.DISPOSITION_NOTIFICATION_TO);
        LOG.info("asynchronous MDN ({}) sent to {}", modifier == null ? "processed" : modifier, url.getValue());
    }

    private static String text(ClassicHttpRequest request, AS2DispositionModifier modifier) {
        return String.join("\r\n",
                "MDN for -",
                "  Message ID: " + value(request, AS2Header.MESSAGE_ID),
                "  From: " + value(request, AS2Header.AS2_FROM),
                "  To: " + value(request, AS2Header.AS2_TO),
                " Status: processed" + (modifier == null ? "" : "/" + modifier),
                " Outcome: " + value(request, As2Outcome.HEADER),
                "");
    }

    private static String value(ClassicHttpRequest request, String name) {
        Header header = request.getFirstHeader(name);
        return header == null ? "" : header.getValue();
    }
}
