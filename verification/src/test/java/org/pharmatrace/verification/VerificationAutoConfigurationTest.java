package org.pharmatrace.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pharmatrace.connectors.fabric.LedgerGateway;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class VerificationAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(VerificationAutoConfiguration.class));

    private static LedgerGateway gatewayFor(String... organisations) {
        LedgerGateway gateway = mock(LedgerGateway.class);
        when(gateway.organisations()).thenReturn(new LinkedHashSet<>(List.of(organisations)));
        return gateway;
    }

    @Test
    void whenNoLedgerIsWiredThenVerificationIsUnavailableButTheHubStarts() {
        context.run(hub -> {
            assertThat(hub).hasNotFailed();
            ProductStatusLookup lookup = hub.getBean(ProductStatusLookup.class);
            assertThat(lookup).isInstanceOf(VerificationAutoConfiguration.LedgerNotConnected.class);
            assertThatThrownBy(() -> lookup.statusOf(ProductIdentifier.of(Packs.GTIN, "S1", null, null, 2026)))
                    .isInstanceOf(ProductStatusUnavailableException.class);
        });
    }

    @Test
    void whenTheGatewayHoldsOneOrganisationThenVerifyIsEvaluatedAsIt() {
        context.withBean(LedgerGateway.class, () -> gatewayFor("HubMSP")).run(hub -> {
            assertThat(hub.getBean(ProductStatusLookup.class)).isInstanceOfSatisfying(LedgerProductStatusLookup.class,
                    lookup -> assertThat(lookup.organisation()).isEqualTo("HubMSP"));
        });
    }

    @Test
    void whenTheOrganisationIsConfiguredThenItIsTheOneUsed() {
        context.withBean(LedgerGateway.class, () -> gatewayFor("ManufacturerMSP", "PharmacyMSP"))
                .withPropertyValues("hub.verification.ledger-organisation=PharmacyMSP")
                .run(hub -> assertThat(((LedgerProductStatusLookup) hub.getBean(ProductStatusLookup.class))
                        .organisation()).isEqualTo("PharmacyMSP"));
    }

    @Test
    void whenSeveralOrganisationsAndNoneConfiguredThenTheFirstIsUsed() {
        context.withBean(LedgerGateway.class, () -> gatewayFor("ManufacturerMSP", "PharmacyMSP")).run(hub ->
                assertThat(((LedgerProductStatusLookup) hub.getBean(ProductStatusLookup.class)).organisation())
                        .isEqualTo("ManufacturerMSP"));
    }

    @Test
    void whenTheConfiguredOrganisationHasNoIdentityThenStartupFails() {
        context.withBean(LedgerGateway.class, () -> gatewayFor("HubMSP"))
                .withPropertyValues("hub.verification.ledger-organisation=OtherMSP")
                .run(hub -> assertThat(hub).getFailure().rootCause().hasMessageContaining("no identity of OtherMSP"));
    }

    @Test
    void whenTheApplicationHasItsOwnLookupThenItWins() {
        ProductStatusLookup own = pack -> ProductStatus.ACTIVE;
        context.withBean(ProductStatusLookup.class, () -> own)
                .run(hub -> assertThat(hub.getBean(ProductStatusLookup.class)).isSameAs(own));
    }

    @Test
    void thenTheSettingsHaveTheirDefaults() {
        context.run(hub -> {
            VerificationProperties settings = hub.getBean(VerificationProperties.class);
            assertThat(settings.resolverBaseUrl()).isEqualTo("https://id.gs1.org");
            assertThat(settings.roles()).containsExactly("PARTNER", "REGULATOR");
            assertThat(settings.responderGln()).isNull();
            assertThat(settings.moduleSize()).isEqualTo(8);
        });
    }

    @Test
    void whenSettingsAreGivenThenTheyAreNormalised() {
        context.withPropertyValues("hub.verification.resolver-base-url=https://id.pharmatrace.example/",
                        "hub.verification.responder-gln=0614141000005", "hub.verification.roles=PARTNER,OPERATOR")
                .run(hub -> {
                    VerificationProperties settings = hub.getBean(VerificationProperties.class);
                    assertThat(settings.resolverBaseUrl()).isEqualTo("https://id.pharmatrace.example");
                    assertThat(settings.responderGln()).isEqualTo("0614141000005");
                    assertThat(settings.roles()).containsExactly("PARTNER", "OPERATOR");
                });
    }

    @Test
    void whenASettingIsWrongThenStartupNamesIt() {
        for (String wrong : Set.of("hub.verification.responder-gln=0614141000006",
                "hub.verification.resolver-base-url=id.pharmatrace.example",
                "hub.verification.resolver-base-url=https://id.example.com/?x=1",
                "hub.verification.roles=ROLE_PARTNER", "hub.verification.module-size=0")) {
            String key = wrong.substring(0, wrong.indexOf('='));
            context.withPropertyValues(wrong).run(hub ->
                    assertThat(hub).getFailure().as(wrong).rootCause().hasMessageContaining(key));
        }
    }
}
