package org.pharmatrace.hub.partner;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.pharmatrace.hub.HubProperties;
import org.pharmatrace.hub.problem.Problem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every API call is authenticated with HTTP Basic against the configured partners and operators (bcrypt hashes).
 * Unauthenticated calls get 401, an operator trying to capture gets 403, both as RFC 7807 problems. Health and
 * Prometheus stay open for the platform's probes and scrapers. Other modules add logins ({@link ApiUsers}) and
 * authorise their own endpoints ({@link ApiAuthorisationRules}).
 */
@Configuration
public class HubSecurity {

    public static final String PARTNER = "PARTNER";
    public static final String OPERATOR = "OPERATOR";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper json, PartnerDirectory partners,
            ObjectProvider<ApiAuthorisationRules> moduleRules) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> {
                    auth
                        // platform-http answers on an async dispatch; the request was authorised on its way in
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers(HttpMethod.POST, "/capture", "/events", "/attachments").hasRole(PARTNER)
                        .requestMatchers("/capture", "/capture/**", "/dlq", "/dlq/**", "/attachments", "/attachments/**")
                            .hasAnyRole(PARTNER, OPERATOR);
                    moduleRules.orderedStream().forEach(rules -> rules.authorise(auth));
                    auth.anyRequest().hasRole(OPERATOR);
                })
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        write(json, response, Problem.of(401, "epcisException:SecurityException",
                                "Authentication required", "send HTTP Basic credentials of a configured trading partner"),
                                "Basic realm=\"pharmatrace-hub\"")))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        write(json, response, Problem.of(403, "epcisException:SecurityException", "Forbidden",
                                "operators handle capture jobs and dead letters; only trading partners capture events "
                                        + "and send attachments"),
                                null)))
                .addFilterAfter(new CallerAttributeFilter(partners), AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    UserDetailsService hubUsers(HubProperties properties, ObjectProvider<ApiUsers> moduleUsers) {
        List<UserDetails> users = new ArrayList<>();
        for (HubProperties.Partner p : properties.partners()) {
            users.add(User.withUsername(p.id()).password(requireHash(p.id(), p.passwordHash())).roles(PARTNER).build());
        }
        for (HubProperties.Operator o : properties.operators()) {
            if (properties.partners().stream().anyMatch(p -> p.id().equals(o.id()))) {
                throw new IllegalStateException("hub: '" + o.id() + "' is both a partner and an operator");
            }
            users.add(User.withUsername(o.id()).password(requireHash(o.id(), o.passwordHash())).roles(OPERATOR).build());
        }
        for (ApiUsers module : moduleUsers.orderedStream().toList()) {
            for (UserDetails user : module.users()) {
                if (users.stream().anyMatch(u -> u.getUsername().equals(user.getUsername()))) {
                    throw new IllegalStateException("hub: '" + user.getUsername() + "' is configured twice "
                            + "(as a partner, an operator or another module's user)");
                }
                users.add(user);
            }
        }
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        DelegatingPasswordEncoder encoder = (DelegatingPasswordEncoder) PasswordEncoderFactories.createDelegatingPasswordEncoder();
        encoder.setDefaultPasswordEncoderForMatches(new BCryptPasswordEncoder()); // plain "$2a$..." hashes
        return encoder;
    }

    private static String requireHash(String id, String hash) {
        if (hash == null || hash.isBlank()) {
            throw new IllegalStateException("hub: '" + id + "' has no password-hash (a bcrypt hash is required)");
        }
        return hash;
    }

    private static void write(ObjectMapper json, HttpServletResponse response, Problem problem, String challenge)
            throws IOException {
        response.setStatus(problem.getStatus());
        if (challenge != null) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        response.setContentType(Problem.MEDIA_TYPE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** Hands the authenticated caller to the routes, which run on another thread than the security context's. */
    static final class CallerAttributeFilter extends OncePerRequestFilter {

        private final PartnerDirectory partners;

        CallerAttributeFilter(PartnerDirectory partners) {
            this.partners = partners;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.isAuthenticated()) {
                String name = auth.getName();
                if (hasRole(auth, OPERATOR)) {
                    request.setAttribute(Caller.REQUEST_ATTRIBUTE, Caller.operator(name));
                } else if (hasRole(auth, PARTNER)) {
                    partners.byId(name).ifPresent(p -> request.setAttribute(Caller.REQUEST_ATTRIBUTE, Caller.partner(p)));
                }
            }
            chain.doFilter(request, response);
        }

        private static boolean hasRole(Authentication auth, String role) {
            return auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
        }
    }
}
