package org.pharmatrace.hub.documents;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import org.pharmatrace.connectors.ipfs.EncryptedBlobStore;
import org.pharmatrace.connectors.ipfs.envelope.BlobEncryptor;
import org.pharmatrace.connectors.ipfs.envelope.KeystoreKeyWrapper;
import org.pharmatrace.connectors.ipfs.kubo.KuboClient;
import org.pharmatrace.connectors.ipfs.kubo.KuboHealth;
import org.pharmatrace.hub.HubProperties;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the original-document store ({@code hub.documents.store}: {@code local} or {@code ipfs}) and reports its
 * health as "documentStore" (for IPFS: whether Kubo answers).
 */
@Configuration
public class DocumentStoreConfiguration {

    @Bean
    OriginalDocumentStore originalDocumentStore(HubProperties properties) throws IOException, GeneralSecurityException {
        HubProperties.Documents documents = properties.documents();
        return switch (documents.store()) {
            case "local" -> new LocalDocumentStore(documents.local().directory());
            case "ipfs" -> ipfs(documents.ipfs());
            default -> throw new IllegalStateException("hub.documents.store: '" + documents.store()
                    + "' is neither 'local' nor 'ipfs'");
        };
    }

    private static IpfsDocumentStore ipfs(HubProperties.Ipfs ipfs) throws IOException, GeneralSecurityException {
        if (ipfs.keystore() == null || ipfs.keystorePassword() == null) {
            throw new IllegalStateException("hub.documents.ipfs.keystore and keystore-password are required: "
                    + "documents are encrypted under the key-encryption key " + ipfs.keyAlias() + " in that PKCS12 file");
        }
        KeystoreKeyWrapper keys = KeystoreKeyWrapper.load(ipfs.keystore(), ipfs.keystorePassword().toCharArray(),
                ipfs.keyAlias());
        EncryptedBlobStore blobs = new EncryptedBlobStore(KuboClient.of(URI.create(ipfs.apiUrl())),
                new BlobEncryptor(keys), ipfs.spoolDirectory());
        return new IpfsDocumentStore(blobs);
    }

    @Bean("documentStore")
    HealthIndicator documentStoreHealth(OriginalDocumentStore store) {
        return () -> {
            if (store instanceof IpfsDocumentStore ipfs) {
                KuboHealth kubo = ipfs.health();
                Health.Builder health = kubo.up() ? Health.up() : Health.down();
                health.withDetail("store", "ipfs").withDetail("api", String.valueOf(kubo.api()));
                if (kubo.version() != null) {
                    health.withDetail("version", kubo.version());
                }
                return kubo.problem() == null ? health.build() : health.withDetail("problem", kubo.problem()).build();
            }
            LocalDocumentStore local = (LocalDocumentStore) store;
            return (Files.isWritable(local.directory()) ? Health.up() : Health.down())
                    .withDetail("store", "local").withDetail("directory", local.directory().toString()).build();
        };
    }
}
