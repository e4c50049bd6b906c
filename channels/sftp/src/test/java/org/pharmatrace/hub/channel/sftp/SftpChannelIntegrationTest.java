package org.pharmatrace.hub.channel.sftp;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.pharmatrace.hub.HubApplication;
import org.pharmatrace.hub.TestKafka;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hub with its SFTP channel, against real systems: the test SFTP server ({@link SftpTestServer}) and the
 * embedded KRaft Kafka ({@link TestKafka}); one Spring context for every test class that extends this.
 */
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class SftpChannelIntegrationTest {

    @TempDir
    static Path local;

    @DynamicPropertySource
    static void systems(DynamicPropertyRegistry registry) {
        SftpTestServer sftp = SftpTestServer.get();
        registry.add("hub.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("hub.documents.local.directory", () -> local.resolve("documents").toString());
        registry.add("test.sftp.port", () -> sftp.port);
        registry.add("test.sftp.private-key-file", sftp.clientKey::toString);
        registry.add("test.sftp.known-hosts-file", sftp.knownHosts::toString);
        registry.add("test.sftp.wrong-known-hosts-file", sftp.wrongKnownHosts::toString);
        registry.add("test.sftp.local-directory", local::toString);
    }
}
