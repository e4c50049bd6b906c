package org.pharmatrace.hub.channel.as2;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.as2.api.AS2Header;
import org.apache.camel.component.as2.api.AS2ServerConnection;
import org.apache.camel.component.as2.api.entity.AS2DispositionModifier;
import org.apache.camel.component.as2.api.entity.EntityParser;
import org.apache.camel.component.as2.internal.AS2Constants;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.HttpRequestHandler;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.pharmatrace.hub.channel.as2.As2ChannelProperties.MdnMode;
import org.pharmatrace.hub.channel.as2.As2Partners.As2Partner;
import org.pharmatrace.hub.deadletter.Stage;

/**
 * Stands in front of the camel-as2 consumer on our AS2 server and turns away, before anything is decrypted, what
 * no partner profile allows: a message not addressed to us, from an AS2 name nobody registered, unencrypted from a
 * partner that must encrypt, or asking for its MDN at a URL other than the one configured for its sender. Those
 * go to {@code direct:as2-refuse-message} (dead letter and error MDN) instead of the receiving route.
 * camel-as2 refuses any unencrypted message on a consumer holding a decryption key, so this is also where the
 * unencrypted messages of partners allowed to send them are handed to the consumer that holds none.
 */
public class As2RequestScreen implements HttpRequestHandler {

    /** Where the consumer without a decryption key listens; partners send to "/" and the screen chooses. */
    static final String UNENCRYPTED_PATH = "/as2-unencrypted";

    private final HttpRequestHandler receiver;
    private final HttpRequestHandler unencryptedReceiver;
    private final As2Partners partners;
    private final ProducerTemplate producer;

    /**
     * @param receiver the camel-as2 consumer that decrypts
     * @param unencryptedReceiver the one without a decryption key; null while it is not started (unencrypted
     *     messages then go to {@code receiver}, which refuses them)
     */
    public As2RequestScreen(HttpRequestHandler receiver, HttpRequestHandler unencryptedReceiver, As2Partners partners,
                            ProducerTemplate producer) {
        this.receiver = receiver;
        this.unencryptedReceiver = unencryptedReceiver;
        this.partners = partners;
        this.producer = producer;
    }

    @Override
    public void handle(ClassicHttpRequest request, ClassicHttpResponse response, HttpContext context)
            throws HttpException, IOException {
        Optional<As2Refusal> refusal = screen(request);
        if (refusal.isEmpty()) {
            if (unencryptedReceiver != null && !encrypted(request)) {
                // the MDN's MIC is computed (ResponseMDN) with the decryption key the server put in the context for
                // the path; with it, camel-as2 would expect an encrypted message there too
                context.setAttribute(AS2ServerConnection.AS2_DECRYPTING_PRIVATE_KEY, null);
                unencryptedReceiver.handle(request, response, context);
            } else {
                receiver.handle(request, response, context);
            }
            return;
        }
        EntityParser.parseAS2MessageEntity(request);
        byte[] received = received(request.getEntity());
        Exchange refused = producer.send("direct:as2-refuse-message", exchange -> {
            exchange.setProperty(AS2Constants.AS2_INTERCHANGE, HttpCoreContext.adapt(context));
            exchange.setProperty(Exchange.EXCEPTION_CAUGHT, refusal.get());
            exchange.getIn().setBody(received);
        });
        if (refused.getException() != null) {
            throw new HttpException("refusing the message failed: " + refused.getException(), refused.getException());
        }
    }

    /** The profile checks that need no decryption; may point the MDN back at the configured URL. */
    Optional<As2Refusal> screen(ClassicHttpRequest request) {
        String to = header(request, AS2Header.AS2_TO);
        if (to == null || !As2Partners.unquoted(to).equals(partners.as2Id())) {
            return Optional.of(new As2Refusal(AS2DispositionModifier.ERROR_UNEXPECTED_PROCESSING_ERROR, Stage.RECEIVE,
                    null, "AS2-To '" + to + "' is not this hub (" + partners.as2Id() + ")"));
        }
        String from = header(request, AS2Header.AS2_FROM);
        As2Partner partner = partners.byAs2Id(from).orElse(null);
        if (partner == null) {
            return Optional.of(new As2Refusal(AS2DispositionModifier.ERROR_AUTHENTICATION_FAILED,
                    Stage.AUTHORISATION, null, "AS2-From '" + from + "' is not a registered partner"));
        }
        boolean encrypted = encrypted(request);
        String asked = header(request, AS2Header.RECEIPT_DELIVERY_OPTION);
        String allowed = partner.settings().asyncMdnUrl();
        if (asked != null && !asked.trim().equals(allowed)) {
            // never to the URL asked for: to the configured one, or on this connection when there is none
            if (partner.settings().mdn() == MdnMode.ASYNC) {
                request.setHeader(AS2Header.RECEIPT_DELIVERY_OPTION, allowed);
            } else {
                request.removeHeaders(AS2Header.RECEIPT_DELIVERY_OPTION);
            }
            return Optional.of(new As2Refusal(AS2DispositionModifier.ERROR_UNEXPECTED_PROCESSING_ERROR,
                    Stage.RECEIVE, partner, "the MDN was asked for at " + asked + ", which is not the MDN URL "
                            + "configured for " + partner.as2Id() + (allowed == null ? " (none: synchronous MDNs)"
                                    : " (" + allowed + ")") + "; the message is not processed"));
        }
        if (partner.settings().requireEncrypted() && !encrypted) {
            return Optional.of(new As2Refusal(AS2DispositionModifier.ERROR_INSUFFICIENT_MESSAGE_SECURITY,
                    Stage.AUTHORISATION, partner, "the profile of " + partner.as2Id()
                            + " requires encrypted messages; this one is not encrypted ("
                            + header(request, AS2Header.CONTENT_TYPE) + ")"));
        }
        return Optional.empty();
    }

    private static boolean encrypted(ClassicHttpRequest request) {
        String contentType = Optional.ofNullable(header(request, AS2Header.CONTENT_TYPE)).orElse("")
                .toLowerCase(Locale.ROOT);
        return contentType.startsWith("application/pkcs7-mime") && contentType.contains("enveloped-data");
    }

    private static String header(ClassicHttpRequest request, String name) {
        Header header = request.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }

    private static byte[] received(HttpEntity entity) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (entity != null) {
            entity.writeTo(out);
        }
        return out.toByteArray();
    }
}
