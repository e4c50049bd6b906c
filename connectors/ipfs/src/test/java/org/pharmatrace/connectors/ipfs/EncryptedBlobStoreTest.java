package org.pharmatrace.connectors.ipfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmatrace.connectors.ipfs.cid.Cid;
import org.pharmatrace.connectors.ipfs.cid.ImportProfile;
import org.pharmatrace.connectors.ipfs.cid.UnixFsCid;
import org.pharmatrace.connectors.ipfs.envelope.BlobEncryptor;
import org.pharmatrace.connectors.ipfs.envelope.KeystoreFixture;
import org.pharmatrace.connectors.ipfs.kubo.FakeKubo;
import org.pharmatrace.connectors.ipfs.kubo.FakeKubo.Answer;
import org.pharmatrace.connectors.ipfs.kubo.KuboClient;
import org.pharmatrace.connectors.ipfs.kubo.RetryPolicy;

/** What the store does when Kubo misbehaves, against a scripted Kubo; the real one is in KuboRoundTripTest. */
class EncryptedBlobStoreTest {

  /** "hello world" as a raw leaf: a valid CID, but never the CID of an envelope. */
  private static final String FOREIGN_CID = "bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e";

  @TempDir
  Path directory;

  private FakeKubo kubo;
  private BlobEncryptor encryptor;
  private EncryptedBlobStore store;

  @BeforeEach
  void start() throws Exception {
    kubo = new FakeKubo();
    encryptor = new BlobEncryptor(KeystoreFixture.wrapper(directory, "hub-kek-1"));
    KuboClient client = new KuboClient(kubo.api(), Duration.ofSeconds(2), Duration.ofSeconds(5), RetryPolicy.none());
    store = new EncryptedBlobStore(client, encryptor, directory.resolve("spool"));
  }

  @AfterEach
  void stop() {
    kubo.close();
  }

  @Test
  void whenKuboReportsAnotherCidThenPutRefusesItNamingBothAndPinsNothing() {
    kubo.on("add", Answer.json("{\"Name\":\"blob\",\"Hash\":\"" + FOREIGN_CID + "\",\"Size\":\"11\"}"));

    assertThatThrownBy(() -> store.put(new ByteArrayInputStream(bytes("batch record")), "text/plain"))
        .isInstanceOfSatisfying(CidMismatchException.class, e -> {
          assertThat(e.reported()).hasToString(FOREIGN_CID);
          assertThat(e.computed()).isNotEqualTo(e.reported());
          assertThat(e).hasMessageContaining(FOREIGN_CID).hasMessageContaining(e.computed().toString());
        });
    assertThat(kubo.received("pin/add")).isEmpty();
    assertThat(directory.resolve("spool")).isEmptyDirectory();
  }

  @Test
  void whenKuboServesBytesOfAnotherCidThenGetRefusesThem() throws Exception {
    ByteArrayOutputStream envelope = new ByteArrayOutputStream();
    encryptor.encrypt(new ByteArrayInputStream(bytes("batch record")), envelope);
    Cid genuine = UnixFsCid.of(envelope.toByteArray(), ImportProfile.HUB);
    ByteArrayOutputStream otherEnvelope = new ByteArrayOutputStream();
    encryptor.encrypt(new ByteArrayInputStream(bytes("another record")), otherEnvelope);
    kubo.on("cat", Answer.bytes(otherEnvelope.toByteArray()));

    assertThatThrownBy(() -> {
      try (InputStream plaintext = store.get(genuine.toString())) {
        plaintext.readAllBytes();
      }
    }).isInstanceOf(CidMismatchException.class).hasMessageContaining(genuine.toString());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
