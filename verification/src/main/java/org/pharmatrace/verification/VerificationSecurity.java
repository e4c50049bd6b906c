package org.pharmatrace.verification;

import org.pharmatrace.hub.partner.ApiAuthorisationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may use the resolver: the hub's own HTTP Basic users (HubSecurity in hub-routes: partners, operators, and other
 * modules' logins such as the query side's regulators) holding one of {@code hub.verification.roles}, by default
 * trading partners and regulators, the two DSCSA lets ask for a verification. The rules are handed to HubSecurity,
 * which applies them before its operators-only catch-all and answers 401 and 403 as problems.
 */
@Configuration(proxyBeanMethods = false)
public class VerificationSecurity {

    static final String PATHS = "/01/**";

    @Bean
    ApiAuthorisationRules verificationRules(VerificationProperties properties) {
        String[] roles = properties.roles().toArray(String[]::new);
        return requests -> requests
                .requestMatchers(HttpMethod.GET, PATHS).hasAnyRole(roles)
                // the resolver only reads; nothing else on its paths is anyone's to call, operators' included
                .requestMatchers(PATHS).denyAll();
    }
}
