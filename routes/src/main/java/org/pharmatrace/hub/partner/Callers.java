package org.pharmatrace.hub.partner;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.camel.Exchange;
import org.pharmatrace.hub.problem.CaptureRejectedException;
import org.pharmatrace.hub.problem.Problem;

/** The authenticated caller of the HTTP request an exchange came from. */
public final class Callers {

    private static final String SERVLET_REQUEST = "CamelHttpServletRequest";

    private Callers() {
    }

    public static Caller of(Exchange exchange) {
        HttpServletRequest request = exchange.getIn().getHeader(SERVLET_REQUEST, HttpServletRequest.class);
        Caller caller = request == null ? null : (Caller) request.getAttribute(Caller.REQUEST_ATTRIBUTE);
        if (caller == null) {
            // Security lets no unauthenticated request reach a route; this is a wiring error, not a client's.
            throw new IllegalStateException("no authenticated caller on the request");
        }
        return caller;
    }

    public static TradingPartner partnerOf(Exchange exchange) {
        Caller caller = of(exchange);
        if (caller.isOperator()) {
            throw new CaptureRejectedException(Problem.of(403, Problem.SECURITY, "Forbidden",
                    "operator " + caller.id() + " is not a trading partner and captures nothing"), null, java.util.List.of());
        }
        return caller.partner();
    }
}
