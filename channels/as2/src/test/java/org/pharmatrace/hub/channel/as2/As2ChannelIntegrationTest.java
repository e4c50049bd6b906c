package org.pharmatrace.hub.channel.as2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.pharmatrace.hub.HubApplication;
import org.pharmatrace.hub.TestKafka;
import org.pharmatrace.hub.channel.as2.As2LibPartner.Receipt;
import org.pharmatrace.hub.channel.as2.TestPki.Identity;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application context for the AS2 channel tests and benchmark: the hub with its AS2 server on a free port, a
 * real Kafka broker, the partner acme played by as2-lib with keys and certificates generated for the run, acme's
 * own AS2 server (as2-lib receiving our acknowledgements) and an inbox for asynchronous MDNs.
 */
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class As2ChannelIntegrationTest {

    static final String HUB_AS2_ID = "PHARMATRACE-HUB";
    static final String ACME_AS2_ID = "ACME3PL-AS2";
    static final Duration ACK_WAIT = Duration.ofSeconds(60);
    static final String PROCESSED = "automatic-action/mdn-sent-automatically;processed";

    static final Path WORK;
    static final Identity HUB;
    static final Identity ACME;
    static final Identity STRANGER;
    static final int AS2_PORT;
    static final int ACME_AS2_SERVER_PORT;
    static final As2LibReceiver ACME_AS2_SERVER;
    static final String ACME_ASYNC_AS2_ID = "ACME3PL-ASYNC";
    static final String ACME_UNENCRYPTED_AS2_ID = "ACME3PL-SIGNED-ONLY";
    static final MdnInbox ACME_MDN_INBOX;
    static final MdnInbox ELSEWHERE;

    static {
        try {
            WORK = Files.createTempDirectory("as2-channel-test");
            HUB = TestPki.identity("pharmatrace-hub");
            ACME = TestPki.identity("acme");
            STRANGER = TestPki.identity("stranger");
            AS2_PORT = freePort();
            ACME_AS2_SERVER_PORT = freePort();
            ACME_MDN_INBOX = new MdnInbox();
            ELSEWHERE = new MdnInbox();
            ACME_AS2_SERVER = new As2LibReceiver(WORK, ACME_AS2_SERVER_PORT, ACME_AS2_ID, ACME, HUB_AS2_ID, HUB);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) throws Exception {
        registry.add("hub.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("hub.documents.local.directory", () -> WORK.resolve("documents").toString());
        registry.add("hub.channels.as2.enabled", () -> "true");
        registry.add("hub.channels.as2.as2-id", () -> HUB_AS2_ID);
        registry.add("hub.channels.as2.port", () -> AS2_PORT);
        registry.add("hub.channels.as2.server-fqdn", () -> "hub.pharmatrace.test");
        registry.add("hub.channels.as2.keystore",
                TestPki.write(WORK, "hub.p12", TestPki.keystore(HUB))::toString);
        registry.add("hub.channels.as2.keystore-password", () -> TestPki.PASSWORD);
        registry.add("hub.channels.as2.key-alias", HUB::alias);
        String acmeCertificate = TestPki.write(WORK, "acme.pem", ACME.pem().getBytes(StandardCharsets.US_ASCII))
                .toString();
        registry.add("hub.channels.as2.partners[0].partner", () -> "acme");
        registry.add("hub.channels.as2.partners[0].as2-id", () -> ACME_AS2_ID);
        registry.add("hub.channels.as2.partners[0].certificate", () -> acmeCertificate);
        registry.add("hub.channels.as2.partners[0].url", () -> "http://127.0.0.1:" + ACME_AS2_SERVER_PORT + "/as2");
        registry.add("hub.channels.as2.partners[1].partner", () -> "acme");
        registry.add("hub.channels.as2.partners[1].as2-id", () -> ACME_ASYNC_AS2_ID);
        registry.add("hub.channels.as2.partners[1].certificate", () -> acmeCertificate);
        registry.add("hub.channels.as2.partners[1].mdn", () -> "async");
        registry.add("hub.channels.as2.partners[1].async-mdn-url", ACME_MDN_INBOX::url);
        registry.add("hub.channels.as2.partners[2].partner", () -> "acme");
        registry.add("hub.channels.as2.partners[2].as2-id", () -> ACME_UNENCRYPTED_AS2_ID);
        registry.add("hub.channels.as2.partners[2].certificate", () -> acmeCertificate);
        registry.add("hub.channels.as2.partners[2].require-encrypted", () -> "false");
    }

    final ObjectMapper json = new ObjectMapper();
    final As2LibPartner acme = new As2LibPartner("http://127.0.0.1:" + AS2_PORT + "/", HUB_AS2_ID, HUB);

    @AfterAll
    static void stopPartnerServers() {
        ACME_AS2_SERVER.close();
        ACME_MDN_INBOX.close();
        ELSEWHERE.close();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static byte[] corpus(String name) throws IOException {
        return Files.readAllBytes(Path.of(System.getProperty("hub.corpus.dir"), name));
    }

    static String captureIdIn(Receipt receipt) {
        Matcher m = Pattern.compile("captured as ([0-9a-f-]{36})").matcher(String.valueOf(receipt.text()));
        assertThat(m.find()).as("capture id in MDN text: %s", receipt.text()).isTrue();
        return m.group(1);
    }

    static List<ConsumerRecord<String, String>> recordsOf(String captureId) {
        return TestKafka.readAll("hub.canonical-events").stream()
                .filter(r -> captureId.equals(TestKafka.header(r, "captureId"))).toList();
    }

    JsonNode deadLetter(Receipt receipt) throws Exception {
        Matcher m = Pattern.compile("\\[dead letter ([^\\]]+)]").matcher(String.valueOf(receipt.text()));
        assertThat(m.find()).as("dead letter in MDN text: %s", receipt.text()).isTrue();
        String id = m.group(1);
        ConsumerRecord<String, String> last = TestKafka.readAll("hub.dlq").stream()
                .filter(r -> id.equals(r.key())).reduce((a, b) -> b).orElseThrow();
        return json.readTree(last.value());
    }
}
