package org.pharmatrace.connectors.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real gateways and gRPC channels (nothing mocked); no peer listens, which is fine as long as nothing is invoked:
 * gRPC connects lazily. Invoking against a peer is for the integration tests still to come.
 */
class LedgerGatewayTest {

  @TempDir
  Path directory;

  private TestEnrolment acme;
  private TestEnrolment pharmacy;
  private FabricGatewaySettings settings;

  @BeforeEach
  void enrolments() throws Exception {
    acme = TestEnrolment.create(directory, "acme");
    pharmacy = TestEnrolment.create(directory, "pharmacy");
    TestEnrolment peerTlsCa = TestEnrolment.create(directory, "tlsca");
    settings = FabricGatewaySettings.of("localhost:7051", peerTlsCa.certificate, "peer0.org1.example.com",
        "traceability", "traceability");
  }

  @Test
  void whenOrganisationsConnectThenEachSignsWithItsOwnIdentity() throws Exception {
    try (LedgerGateway gateway = LedgerGateway.connect(settings, List.of(
        new OrganisationIdentity("AcmeMSP", acme.certificate, acme.keystore),
        new OrganisationIdentity("PharmacyMSP", pharmacy.certificate, pharmacy.key)))) {

      assertThat(gateway.organisations()).containsExactly("AcmeMSP", "PharmacyMSP");
      assertThat(gateway.gateway("AcmeMSP").getIdentity().getMspId()).isEqualTo("AcmeMSP");
      assertThat(gateway.gateway("PharmacyMSP").getIdentity().getMspId()).isEqualTo("PharmacyMSP");
      assertThat(gateway.network("AcmeMSP").getName()).isEqualTo("traceability");
      assertThat(gateway.contract("AcmeMSP").getChaincodeName()).isEqualTo("traceability");
      assertThat(gateway.channels()).hasSize(2).noneMatch(ManagedChannel::isShutdown);
      assertThatThrownBy(() -> gateway.contract("StrangerMSP")).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("StrangerMSP");
    }
  }

  @Test
  void whenTheGatewayIsClosedThenEveryChannelIsShutDown() throws Exception {
    LedgerGateway gateway = LedgerGateway.connect(settings, List.of(
        new OrganisationIdentity("AcmeMSP", acme.certificate, acme.key)));
    List<ManagedChannel> channels = gateway.channels();

    gateway.close();

    assertThat(channels).allMatch(ManagedChannel::isTerminated);
  }

  @Test
  void whenAKeyDirectoryIsAmbiguousThenConnectingFails() throws Exception {
    Files.writeString(directory.resolve("pharmacy").resolve("keystore").resolve("second_sk"), "x");
    Map<OrganisationIdentity, FabricGatewaySettings> organisations = new LinkedHashMap<>();
    organisations.put(new OrganisationIdentity("AcmeMSP", acme.certificate, acme.key), settings);
    organisations.put(new OrganisationIdentity("PharmacyMSP", pharmacy.certificate, pharmacy.keystore), settings);

    assertThatThrownBy(() -> LedgerGateway.connect(organisations)).isInstanceOf(IOException.class)
        .hasMessageContaining("holds 2 files");
  }

  @Test
  void whenTheTlsCaCannotBeReadThenConnectingFails() {
    FabricGatewaySettings noCa = FabricGatewaySettings.of("localhost:7051", directory.resolve("missing.pem"), null,
        "traceability", "traceability");

    assertThatThrownBy(() -> LedgerGateway.connect(noCa, List.of(
        new OrganisationIdentity("AcmeMSP", acme.certificate, acme.key)))).isInstanceOf(IOException.class);
  }

  @Test
  void whenSettingsAreIncompleteThenTheyAreRefused() {
    assertThatThrownBy(() -> FabricGatewaySettings.of("localhost:7051", null, null, "traceability", "traceability"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TLS");
    assertThatThrownBy(() -> new OrganisationIdentity(" ", acme.certificate, acme.key))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
