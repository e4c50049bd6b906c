package org.pharmatrace.query.access;

import java.util.ArrayList;
import java.util.List;
import org.pharmatrace.hub.partner.ApiAuthorisationRules;
import org.pharmatrace.hub.partner.ApiUsers;
import org.pharmatrace.hub.partner.HubSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * What the query side adds to the hub's security: the REGULATOR logins, and who may reach its endpoints at all
 * (partners, regulators, operators; each endpoint then decides, e.g. reports are for regulators only).
 */
public final class QuerySecurity {

    public static final String REGULATOR = "REGULATOR";

    /** Every path the query side serves. */
    static final String[] PATHS = {"/", "/events", "/events/**", "/eventTypes", "/eventTypes/**", "/epcs", "/epcs/**",
            "/bizSteps", "/bizSteps/**", "/bizLocations", "/bizLocations/**", "/readPoints", "/readPoints/**",
            "/dispositions", "/dispositions/**", "/queries", "/queries/**", "/nextPageToken/**", "/reports/**",
            "/audit", "/audit/**", "/index/**"};

    private QuerySecurity() {
    }

    public static ApiUsers regulators(RegulatorLogins logins) {
        return () -> {
            List<UserDetails> users = new ArrayList<>();
            for (RegulatorLogins.Regulator r : logins.regulators()) {
                if (r.id() == null || r.id().isBlank() || r.passwordHash() == null || r.passwordHash().isBlank()) {
                    throw new IllegalStateException("hub.regulators: every regulator needs an id and a password-hash (bcrypt)");
                }
                users.add(User.withUsername(r.id()).password(r.passwordHash()).roles(REGULATOR).build());
            }
            return users;
        };
    }

    public static ApiAuthorisationRules rules() {
        return requests -> requests.requestMatchers(PATHS)
                .hasAnyRole(HubSecurity.PARTNER, REGULATOR, HubSecurity.OPERATOR);
    }

    /**
     * The REST binding puts eventIDs and EPCs in paths, percent-encoded: an Event Hash ID
     * ({@code ni:///sha-256;...?ver=CBV2.0}) has encoded slashes, a double slash and a semicolon, a Digital Link EPC
     * has encoded slashes. Spring Security's default firewall refuses those; this one lets them through (and nothing
     * else it refuses: double dots, backslashes, control characters stay refused).
     */
    public static StrictHttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        firewall.setAllowUrlEncodedDoubleSlash(true);
        firewall.setAllowSemicolon(true);
        // Tomcat passes encoded slashes through undecoded, so the decoded servlet path holds '%2F': a '%' the
        // firewall must accept too.
        firewall.setAllowUrlEncodedPercent(true);
        return firewall;
    }
}
