package org.pharmatrace.connectors.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileEventCheckpointTest {

  @TempDir
  Path directory;

  @Test
  void whenNoFileExistsThenThereIsNoPositionYet() throws IOException {
    FileEventCheckpoint checkpoint = new FileEventCheckpoint(directory.resolve("acme.checkpoint"));

    assertThat(checkpoint.getBlockNumber()).isEmpty();
    assertThat(checkpoint.getTransactionId()).isEmpty();
  }

  @Test
  void whenATransactionIsCheckpointedThenANewInstanceReadsItBack() throws IOException {
    Path file = directory.resolve("state").resolve("acme.checkpoint");
    new FileEventCheckpoint(file).checkpointTransaction(12, "ab12cd");

    FileEventCheckpoint reopened = new FileEventCheckpoint(file);

    assertThat(reopened.getBlockNumber()).hasValue(12);
    assertThat(reopened.getTransactionId()).contains("ab12cd");
    assertThat(Files.readString(file)).isEqualTo("{\"blockNumber\":12,\"transactionId\":\"ab12cd\"}\n");
  }

  @Test
  void whenABlockIsCheckpointedThenTheNextBlockIsKeptWithoutTransaction() throws IOException {
    Path file = directory.resolve("acme.checkpoint");
    FileEventCheckpoint checkpoint = new FileEventCheckpoint(file);
    checkpoint.checkpointTransaction(3, "aa");
    checkpoint.checkpointBlock(7);

    FileEventCheckpoint reopened = new FileEventCheckpoint(file);

    assertThat(reopened.getBlockNumber()).hasValue(8);
    assertThat(reopened.getTransactionId()).isEmpty();
  }

  @Test
  void whenCheckpointsFollowEachOtherThenOnlyTheFileRemains() throws IOException {
    Path file = directory.resolve("acme.checkpoint");
    FileEventCheckpoint checkpoint = new FileEventCheckpoint(file);
    for (int block = 0; block < 20; block++) {
      checkpoint.checkpointTransaction(block, "tx" + block);
    }

    try (var files = Files.list(directory)) {
      assertThat(files).containsExactly(file.toAbsolutePath());
    }
    assertThat(new FileEventCheckpoint(file).getTransactionId()).contains("tx19");
  }

  @Test
  void whenTheFileIsNotACheckpointThenItIsRefusedRatherThanStartedOver() throws IOException {
    Path file = directory.resolve("acme.checkpoint");
    Files.writeString(file, "");

    assertThatThrownBy(() -> new FileEventCheckpoint(file)).isInstanceOf(IOException.class)
        .hasMessageContaining("not an event checkpoint");
  }

  @Test
  void whenATransactionIdCouldBreakTheFileThenItIsRefused() throws IOException {
    FileEventCheckpoint checkpoint = new FileEventCheckpoint(directory.resolve("acme.checkpoint"));

    assertThatThrownBy(() -> checkpoint.checkpointTransaction(1, "a\",\"x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(checkpoint.getBlockNumber()).isEmpty();
  }
}
