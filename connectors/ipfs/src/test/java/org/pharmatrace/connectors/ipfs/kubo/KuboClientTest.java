package org.pharmatrace.connectors.ipfs.kubo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmatrace.connectors.ipfs.cid.Cid;
import org.pharmatrace.connectors.ipfs.cid.ImportProfile;
import org.pharmatrace.connectors.ipfs.kubo.FakeKubo.Answer;

class KuboClientTest {

  private static final String HELLO = "bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e";

  @TempDir
  Path directory;

  private final FakeKubo kubo = new FakeKubo();
  private final List<String> retries = new CopyOnWriteArrayList<>();
  private final RetryPolicy quickRetries = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(4),
      (operation, attempt, wait, failure) -> retries.add(operation + "#" + attempt));

  KuboClientTest() throws Exception {
  }

  @AfterEach
  void stop() {
    kubo.close();
  }

  @Test
  void whenAFileIsAddedThenTheQueryCarriesTheImportRulesAndTheBodyTheBytes() throws Exception {
    kubo.on("add", Answer.json("{\"Name\":\"blob\",\"Hash\":\"" + HELLO + "\",\"Size\":\"11\"}\n"));
    Path file = Files.writeString(directory.resolve("blob"), "hello world");

    Cid cid = client(quickRetries).add(file, ImportProfile.HUB);

    assertThat(cid).hasToString(HELLO);
    FakeKubo.Received add = kubo.received("add").get(0);
    assertThat(add.query()).contains("cid-version=1", "raw-leaves=true", "chunker=size-1048576",
        "max-file-links=174", "hash=sha2-256", "trickle=false", "pin=false");
    assertThat(new String(add.body(), StandardCharsets.US_ASCII)).contains("filename=\"blob\"", "\r\n\r\nhello world\r\n--");
  }

  @Test
  void whenKuboAnswers503ThenTheCallIsRetriedUntilItSucceeds() throws Exception {
    kubo.on("pin/add", Answer.unavailable(), Answer.unavailable(), Answer.json("{\"Pins\":[\"" + HELLO + "\"]}"));

    client(quickRetries).pin(Cid.parse(HELLO));

    assertThat(kubo.received("pin/add")).hasSize(3);
    assertThat(retries).containsExactly("pin/add#1", "pin/add#2");
  }

  @Test
  void whenKuboKeepsFailingThenTheCallGivesUpAfterTheAllowedAttempts() {
    kubo.on("pin/add", Answer.unavailable());

    assertThatThrownBy(() -> client(quickRetries).pin(Cid.parse(HELLO)))
        .isInstanceOf(KuboUnavailableException.class)
        .hasMessageContaining("Kubo pin/add failed after 3 attempts").hasMessageContaining("Service Unavailable");
    assertThat(kubo.received("pin/add")).hasSize(3);
  }

  @Test
  void whenKuboRefusesAReadThenTheErrorNamesTheOperationAndKubosMessage() {
    kubo.on("cat", Answer.kuboError("block was not found locally (offline): ipld: could not find " + HELLO));

    assertThatThrownBy(() -> client(quickRetries).cat(Cid.parse(HELLO)))
        .isInstanceOf(KuboException.class)
        .hasMessage("Kubo cat failed: HTTP 500: block was not found locally (offline): ipld: could not find " + HELLO);
    // Kubo's own answer to a read is final: asking again would get the same answer.
    assertThat(kubo.received("cat")).hasSize(1);
    assertThat(retries).isEmpty();
  }

  @Test
  void whenNothingListensThenTheCallFailsAfterTheAllowedAttempts() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    KuboClient client = new KuboClient(URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(2),
        Duration.ofSeconds(5), quickRetries);

    assertThatThrownBy(() -> client.blockGet(Cid.parse(HELLO))).isInstanceOf(KuboUnavailableException.class)
        .hasMessageStartingWith("Kubo block/get failed after 3 attempts");
    assertThat(retries).containsExactly("block/get#1", "block/get#2");
  }

  @Test
  void whenThePathIsNotPinnedThenIsPinnedIsFalseAtOnce() throws Exception {
    kubo.on("pin/ls", Answer.kuboError("path '" + HELLO + "' is not pinned"));

    assertThat(client(quickRetries).isPinned(Cid.parse(HELLO))).isFalse();
    assertThat(kubo.received("pin/ls")).hasSize(1);
  }

  @Test
  void whenKuboAnswersThenHealthIsUpWithItsVersion() {
    kubo.on("version", Answer.json("{\"Version\":\"0.39.0\",\"Commit\":\"\",\"Repo\":\"18\"}"));

    KuboHealth health = client(quickRetries).health();

    assertThat(health.up()).isTrue();
    assertThat(health.version()).isEqualTo("0.39.0");
  }

  @Test
  void whenKuboFailsThenHealthIsDownWithTheReasonAndNoRetry() {
    kubo.on("version", Answer.unavailable());

    KuboHealth health = client(quickRetries).health();

    assertThat(health.up()).isFalse();
    assertThat(health.problem()).isEqualTo("HTTP 503: Service Unavailable");
    assertThat(retries).isEmpty();
  }

  private KuboClient client(RetryPolicy policy) {
    return new KuboClient(kubo.api(), Duration.ofSeconds(2), Duration.ofSeconds(5), policy);
  }
}
