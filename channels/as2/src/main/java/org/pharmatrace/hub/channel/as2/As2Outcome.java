package org.pharmatrace.hub.channel.as2;

import org.apache.camel.Exchange;
import org.apache.camel.component.as2.api.entity.AS2DispositionModifier;
import org.apache.camel.component.as2.api.protocol.ResponseMDN;
import org.apache.camel.component.as2.internal.AS2Constants;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http.protocol.HttpCoreContext;

/**
 * What the MDN says about a message. camel-as2 writes the MDN after our route has run, from the HTTP exchange: the
 * disposition modifier is an attribute of the HTTP context, and the sentence naming what happened travels as a
 * request header that our MDN template prints.
 */
public final class As2Outcome {

    /** The request header our MDN template prints after the disposition. */
    public static final String HEADER = "X-PharmaTrace-Outcome";

    private As2Outcome() {
    }

    public static HttpCoreContext httpContext(Exchange exchange) {
        return exchange.getProperty(AS2Constants.AS2_INTERCHANGE, HttpCoreContext.class);
    }

    /** Accepted: a plain "processed" MDN with this sentence. */
    public static void processed(HttpContext context, String outcome) {
        describe(context, outcome);
    }

    /** Refused or only partly processed: "processed/error: ..." (or warning) with the reason. */
    public static void refused(HttpContext context, AS2DispositionModifier disposition, String reason) {
        context.setAttribute(ResponseMDN.DISPOSITION_MODIFIER, disposition);
        describe(context, reason);
    }

    private static void describe(HttpContext context, String outcome) {
        HttpRequest request = HttpCoreContext.adapt(context).getRequest();
        if (request != null) {
            // MDN text is US-ASCII, one line
            request.setHeader(HEADER, outcome.replaceAll("[\\r\\n]+", " ").replaceAll("[^\\x20-\\x7e]", "?"));
        }
    }
}
