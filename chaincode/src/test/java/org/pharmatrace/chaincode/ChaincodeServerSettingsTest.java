package org.pharmatrace.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.Map;
import org.hyperledger.fabric.shim.ChaincodeServerProperties;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ChaincodeServerSettingsTest {

    @Nested
    class FromEnvironment {

        @Test
        void whenAddressAndIdAreSetThenTheServerListensThereWithoutTls() {
            ChaincodeServerSettings settings = ChaincodeServerSettings.fromEnvironment(Map.of(
                    "CHAINCODE_SERVER_ADDRESS", "0.0.0.0:9999", "CHAINCODE_ID", "traceability_1.0:abc"));

            ChaincodeServerProperties properties = settings.toServerProperties();

            assertThat(settings.chaincodeId()).isEqualTo("traceability_1.0:abc");
            assertThat(properties.getServerAddress()).isEqualTo(new InetSocketAddress("0.0.0.0", 9999));
            assertThat(properties.isTlsEnabled()).isFalse();
            properties.validate();
        }

        @Test
        void whenOnlyThePeerStyleIdIsSetThenItIsUsed() {
            ChaincodeServerSettings settings = ChaincodeServerSettings.fromEnvironment(Map.of(
                    "CHAINCODE_SERVER_ADDRESS", "chaincode:9999", "CORE_CHAINCODE_ID_NAME", "cc:1"));

            assertThat(settings.chaincodeId()).isEqualTo("cc:1");
        }

        @Test
        void whenTlsIsEnabledThenKeyCertificateAndClientCaAreUsed() {
            ChaincodeServerProperties properties = ChaincodeServerSettings.fromEnvironment(Map.of(
                    "CHAINCODE_SERVER_ADDRESS", "chaincode:9999", "CHAINCODE_ID", "cc:1",
                    "CHAINCODE_TLS_DISABLED", "false", "CHAINCODE_TLS_KEY", "/tls/key.pem",
                    "CHAINCODE_TLS_CERT", "/tls/cert.pem", "CHAINCODE_CLIENT_CA_CERT", "/tls/ca.pem")).toServerProperties();

            assertThat(properties.isTlsEnabled()).isTrue();
            assertThat(properties.getKeyFile()).isEqualTo("/tls/key.pem");
            assertThat(properties.getKeyCertChainFile()).isEqualTo("/tls/cert.pem");
            assertThat(properties.getTrustCertCollectionFile()).isEqualTo("/tls/ca.pem");
        }

        @Test
        void whenTlsIsEnabledWithoutAKeyThenItRefusesToStart() {
            assertThatThrownBy(() -> ChaincodeServerSettings.fromEnvironment(Map.of(
                    "CHAINCODE_SERVER_ADDRESS", "chaincode:9999", "CHAINCODE_ID", "cc:1", "CHAINCODE_TLS_DISABLED", "false")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CHAINCODE_TLS_KEY");
        }

        @Test
        void whenTheAddressHasNoPortThenItRefusesToStart() {
            assertThatThrownBy(() -> ChaincodeServerSettings.fromEnvironment(Map.of(
                    "CHAINCODE_SERVER_ADDRESS", "chaincode", "CHAINCODE_ID", "cc:1")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host:port");
        }

        @Test
        void whenNoIdIsSetThenItRefusesToStart() {
            assertThatThrownBy(() -> ChaincodeServerSettings.fromEnvironment(Map.of("CHAINCODE_SERVER_ADDRESS", "cc:9999")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CHAINCODE_ID");
        }
    }
}
