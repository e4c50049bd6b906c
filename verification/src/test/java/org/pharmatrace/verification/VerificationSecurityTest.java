package org.pharmatrace.verification;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pharmatrace.hub.HubProperties;
import java.util.List;
import org.pharmatrace.hub.partner.ApiUsers;
import org.pharmatrace.hub.partner.HubSecurity;
import org.pharmatrace.hub.partner.PartnerDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The resolver inside the hub's security as the server has it: HubSecurity's partners and operators, a module's
 * regulators, HubSecurity's rules with the verification rules handed to it.
 */
@WebMvcTest
@ContextConfiguration(classes = VerificationSecurityTest.Hub.class)
class VerificationSecurityTest {

    private static final String PACK = "/01/" + Packs.GTIN + "/10/" + Packs.LOT + "/21/ACTIVE1?17="
            + Packs.EXPIRY_YYMMDD;

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(VerificationAutoConfiguration.class)
    @EnableConfigurationProperties(HubProperties.class)
    @Import({HubSecurity.class, PartnerDirectory.class})
    static class Hub {
        @Bean
        ProductStatusLookup ledger() {
            return Packs.ledger();
        }

        /** As the query module adds its regulators. */
        @Bean
        ApiUsers regulators() {
            return () -> List.of(User.withUsername("fda").password(new BCryptPasswordEncoder(4).encode("fda-secret"))
                    .roles("REGULATOR").build());
        }
    }

    @DynamicPropertySource
    static void users(DynamicPropertyRegistry registry) {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        registry.add("hub.partners[0].id", () -> "pharmacy");
        registry.add("hub.partners[0].organisation", () -> "PharmacyMSP");
        registry.add("hub.partners[0].password-hash", () -> bcrypt.encode("pharmacy-secret"));
        registry.add("hub.operators[0].id", () -> "operator");
        registry.add("hub.operators[0].password-hash", () -> bcrypt.encode("operator-secret"));
        registry.add("hub.verification.responder-gln", () -> Packs.RESPONDER_GLN);
    }

    @Autowired
    private MockMvc mvc;

    @Nested
    class WhenATradingPartnerAsks {

        @Test
        void thenThePackIsVerified() throws Exception {
            mvc.perform(get(PACK).with(httpBasic("pharmacy", "pharmacy-secret")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.data.verified").value(true))
                    .andExpect(jsonPath("$.responderGLN").value(Packs.RESPONDER_GLN));
        }

        @Test
        void thenItMayDrawTheBarcodes() throws Exception {
            mvc.perform(get("/01/" + Packs.GTIN + "/21/ACTIVE1/datamatrix.png")
                            .with(httpBasic("pharmacy", "pharmacy-secret")))
                    .andExpect(status().isOk())
                    .andExpect(content().contentType("image/png"));
        }

        @Test
        void whenARegulatorAsksThenThePackIsVerifiedToo() throws Exception {
            mvc.perform(get(PACK).with(httpBasic("fda", "fda-secret")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("active"));
        }

        @Test
        void whenItPostsThenItIsForbidden() throws Exception {
            mvc.perform(post(PACK).with(httpBasic("pharmacy", "pharmacy-secret")))
                    .andExpect(status().isForbidden());
        }

        @Test
        void whenItAsksForAnotherHubPathThenTheHubsOwnRulesStillApply() throws Exception {
            mvc.perform(get("/actuator/env").with(httpBasic("pharmacy", "pharmacy-secret")))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("operators")));
        }
    }

    @Nested
    class WhenSomeoneElseAsks {

        @Test
        void whenUnauthenticatedThen401Problem() throws Exception {
            mvc.perform(get(PACK))
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().string("WWW-Authenticate", "Basic realm=\"pharmatrace-hub\""))
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.type").value("epcisException:SecurityException"));
        }

        @Test
        void whenThePasswordIsWrongThen401() throws Exception {
            mvc.perform(get(PACK).with(httpBasic("pharmacy", "guess")))
                    .andExpect(status().isUnauthorized());
        }

        @Test
        void whenAnOperatorAsksThen403ByDefault() throws Exception {
            mvc.perform(get(PACK).with(httpBasic("operator", "operator-secret")))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        }

        @Test
        void whenAnOperatorPostsThenTheCatchAllDoesNotLetIt() throws Exception {
            mvc.perform(post(PACK).with(httpBasic("operator", "operator-secret")))
                    .andExpect(status().isForbidden());
        }
    }
}
