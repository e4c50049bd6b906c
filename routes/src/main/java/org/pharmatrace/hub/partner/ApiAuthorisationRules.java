package org.pharmatrace.hub.partner;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Authorisation rules another module adds for the endpoints it serves (a Spring bean of this type). They are applied
 * after the hub's own rules and before its catch-all (operators only), so they cannot open the capture and
 * dead-letter endpoints to anyone new.
 */
@FunctionalInterface
public interface ApiAuthorisationRules {

    void authorise(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
