package org.pharmatrace.hub.partner;

/**
 * Who made an API call: a trading partner, or an operator (who captures nothing but handles everyone's dead letters).
 * Routes read it from the request attribute {@link #REQUEST_ATTRIBUTE}, set once authentication has succeeded.
 */
public record Caller(String id, TradingPartner partner) {

    public static final String REQUEST_ATTRIBUTE = "org.pharmatrace.hub.caller";

    public static Caller partner(TradingPartner partner) {
        return new Caller(partner.id(), partner);
    }

    public static Caller operator(String id) {
        return new Caller(id, null);
    }

    public boolean isOperator() {
        return partner == null;
    }

    /** Whether this caller may see or act on something that belongs to the given partner. */
    public boolean mayHandle(String partnerId) {
        return isOperator() || id.equals(partnerId);
    }
}
