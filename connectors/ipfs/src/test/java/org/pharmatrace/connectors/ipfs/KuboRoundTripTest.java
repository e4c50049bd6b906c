package org.pharmatrace.connectors.ipfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pharmatrace.connectors.ipfs.cid.Cid;
import org.pharmatrace.connectors.ipfs.cid.ImportProfile;
import org.pharmatrace.connectors.ipfs.cid.UnixFsCid;
import org.pharmatrace.connectors.ipfs.envelope.BlobEncryptor;
import org.pharmatrace.connectors.ipfs.envelope.KeystoreFixture;
import org.pharmatrace.connectors.ipfs.kubo.KuboClient;
import org.pharmatrace.connectors.ipfs.kubo.KuboDaemon;
import org.pharmatrace.connectors.ipfs.kubo.KuboExtension;
import org.pharmatrace.connectors.ipfs.kubo.KuboHealth;
import org.pharmatrace.connectors.ipfs.kubo.RetryPolicy;

/** The store against a real Kubo v0.39.0, started by stack/kubo.sh on a free port for this class. */
@ExtendWith(KuboExtension.class)
class KuboRoundTripTest {

  private static final int MIB = 1 << 20;
  private static final String RECORD = "GTIN 09506000134352 SERIAL 7QX4K2 LOT L2025-042 EXPIRY 2027-03-31\n";

  @TempDir
  Path directory;

  private final KuboDaemon daemon;
  private KuboClient kubo;
  private BlobEncryptor encryptor;
  private EncryptedBlobStore store;

  KuboRoundTripTest(KuboDaemon daemon) {
    this.daemon = daemon;
  }

  @BeforeEach
  void store() throws Exception {
    kubo = new KuboClient(daemon.api(), Duration.ofSeconds(2), Duration.ofMinutes(1), RetryPolicy.defaults());
    encryptor = new BlobEncryptor(KeystoreFixture.wrapper(directory, "hub-kek-1"));
    store = new EncryptedBlobStore(kubo, encryptor, directory.resolve("spool"));
  }

  @Test
  void whenAnAttachmentIsStoredThenItComesBackDecryptedAndEqual() throws Exception {
    byte[] attachment = records(2 * MIB + 123);

    StoredBlob stored = store.put(new ByteArrayInputStream(attachment), "application/pdf");

    try (InputStream back = store.get(stored.uri().toString())) {
      assertThat(back.readAllBytes()).isEqualTo(attachment);
    }
    assertThat(stored.size()).isEqualTo(attachment.length);
    assertThat(stored.sha256()).isEqualTo(sha256(attachment));
    assertThat(stored.keyId()).isEqualTo("hub-kek-1");
    assertThat(kubo.isPinned(stored.cid())).isTrue();
    assertThat(directory.resolve("spool")).isEmptyDirectory();
  }

  @Test
  void whenAnAttachmentIsStoredThenNoRawBlockInKuboContainsThePlaintext() throws Exception {
    byte[] attachment = records(3 * MIB);
    StoredBlob stored = store.put(new ByteArrayInputStream(attachment), "text/plain");

    List<Cid> blocks = new ArrayList<>(kubo.refs(stored.cid()));
    blocks.add(stored.cid());

    // The envelope is 3 MiB plus header and tags: three full 1 MiB leaves, a small fourth, and their root.
    assertThat(blocks).hasSize(5);
    for (Cid block : blocks) {
      String raw = new String(kubo.blockGet(block), StandardCharsets.ISO_8859_1);
      assertThat(raw).as("block %s", block).doesNotContain("09506000134352").doesNotContain("7QX4K2");
    }
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {0, 1, MIB - 1, MIB, MIB + 1})
  void whenKuboAddsAFileThenItsCidIsTheOneTheHubComputes(int size) throws Exception {
    Path file = Files.write(directory.resolve("file"), records(size));

    Cid kubos = kubo.add(file, ImportProfile.HUB);

    try (InputStream in = Files.newInputStream(file)) {
      assertThat(UnixFsCid.of(in)).isEqualTo(kubos);
    }
  }

  @Test
  void whenTheDagHasSeveralLevelsThenKuboAndTheHubAgreeOnEveryBlock() throws Exception {
    // Tiny chunks and 3 links per node build a 4-level DAG from 40 KiB: the layout of a 175 MiB+ file, cheaply.
    ImportProfile narrow = new ImportProfile(1, true, 1024, 3);
    byte[] content = records(40 * 1024 + 17);
    Path file = Files.write(directory.resolve("file"), content);
    UnixFsCid hub = new UnixFsCid(narrow);
    hub.write(content);

    Cid kubos = kubo.add(file, narrow);

    assertThat(hub.finish()).isEqualTo(kubos);
    List<Cid> kuboBlocks = new ArrayList<>(kubo.refs(kubos));
    kuboBlocks.add(kubos);
    assertThat(kuboBlocks).containsExactlyInAnyOrderElementsOf(hub.blocks().stream().distinct().toList());
  }

  @Test
  void whenTheLeavesAreWrappedThenKuboAndTheHubAgreeToo() throws Exception {
    ImportProfile legacy = new ImportProfile(0, false, 1024, 3);
    byte[] content = records(10 * 1024 + 5);
    Path file = Files.write(directory.resolve("file"), content);

    assertThat(kubo.add(file, legacy)).isEqualTo(UnixFsCid.of(content, legacy));
  }

  @Test
  void whenKuboStopsBeforeAPutThenThePutCompletesOnceKuboIsBack() throws Exception {
    List<String> retries = new CopyOnWriteArrayList<>();
    RetryPolicy restartOnFirstRetry = new RetryPolicy(6, Duration.ofMillis(200), Duration.ofSeconds(2),
        (operation, attempt, wait, failure) -> {
          retries.add(operation + "#" + attempt + ": " + failure.getClass().getSimpleName());
          if (attempt == 1) {
            daemon.start();
          }
        });
    KuboClient patient = new KuboClient(daemon.api(), Duration.ofSeconds(2), Duration.ofMinutes(1),
        restartOnFirstRetry);
    EncryptedBlobStore capture = new EncryptedBlobStore(patient, encryptor, directory.resolve("spool"));
    byte[] attachment = records(MIB + 99);
    daemon.stop();
    KuboHealth whileStopped = capture.health();

    StoredBlob stored = capture.put(new ByteArrayInputStream(attachment), "application/pdf");

    assertThat(whileStopped.up()).isFalse();
    assertThat(retries).hasSize(1).first().asString().startsWith("add#1: ");
    assertThat(capture.health().up()).isTrue();
    try (InputStream back = capture.get(stored.cid().toString())) {
      assertThat(back.readAllBytes()).isEqualTo(attachment);
    }
  }

  @Test
  void whenKuboRunsThenHealthReportsItsVersion() {
    KuboHealth health = store.health();

    assertThat(health.up()).isTrue();
    assertThat(health.version()).isEqualTo("0.39.0");
    assertThat(health.api()).isEqualTo(daemon.api());
  }

  /** Readable text, so that a leak of plaintext into a block would be visible. */
  private static byte[] records(int size) {
    byte[] line = RECORD.getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = line[i % line.length];
    }
    return bytes;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
