package org.pharmatrace.query.access;

import org.pharmatrace.hub.partner.HubSecurity;
import org.pharmatrace.hub.partner.PartnerDirectory;
import org.pharmatrace.query.epcis.QueryException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Turns the authenticated HTTP caller into a {@link Viewer}, or refuses callers who do not query events. */
public final class Viewers {

    private final PartnerDirectory partners;

    public Viewers(PartnerDirectory partners) {
        this.partners = partners;
    }

    /** The caller as a viewer of events; operators and unknown partners get a 403. */
    public Viewer current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw QueryException.forbidden("authentication required");
        }
        if (hasRole(auth, QuerySecurity.REGULATOR)) {
            return Viewer.regulator(auth.getName());
        }
        if (hasRole(auth, HubSecurity.PARTNER)) {
            return partners.byId(auth.getName())
                    .map(p -> Viewer.partner(p.id(), p.organisation()))
                    .orElseThrow(() -> QueryException.forbidden("partner " + auth.getName() + " is not configured"));
        }
        throw QueryException.forbidden("operators handle the pipeline and the index; events are queried by trading "
                + "partners and regulators");
    }

    /** The caller's user name, for endpoints open to operators too. */
    public String callerId() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "anonymous" : auth.getName();
    }

    public boolean callerIsOperator() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && hasRole(auth, HubSecurity.OPERATOR);
    }

    public boolean callerIsRegulator() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && hasRole(auth, QuerySecurity.REGULATOR);
    }

    private static boolean hasRole(Authentication auth, String role) {
        return auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
    }
}
