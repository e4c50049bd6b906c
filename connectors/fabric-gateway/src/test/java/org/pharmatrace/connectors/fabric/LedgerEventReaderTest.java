package org.pharmatrace.connectors.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmatrace.connectors.fabric.ChannelEventLog.Start;

/** The reader against a simulated channel, with the real file checkpoint in a temporary directory. */
class LedgerEventReaderTest {

  private static final String CHAINCODE = "traceability";

  @TempDir
  Path directory;

  private Path checkpointFile;
  private ChannelEventLog channel;
  private final List<String> delivered = new ArrayList<>();
  private final RecordedEventsListener collector = this::collect;

  @BeforeEach
  void channelWithFiveBatches() {
    checkpointFile = directory.resolve("hub-events.checkpoint");
    channel = new ChannelEventLog(CHAINCODE)
        .recorded(3, "tx-a", LedgerAnswers.COMMISSION)
        .recorded(3, "tx-b", LedgerAnswers.PACK)
        .other(4, "tx-r", "RecallIssued", "{\"gtin\":\"00614141073467\"}".getBytes(StandardCharsets.UTF_8))
        .recorded(5, "tx-c")
        .recorded(5, "tx-d", LedgerAnswers.DISPENSE)
        .recorded(6, "tx-e");
  }

  private LedgerEventReader reader() throws IOException {
    return new LedgerEventReader(channel.network(), CHAINCODE, new FileEventCheckpoint(checkpointFile), 0);
  }

  private void collect(RecordedEvents events) {
    delivered.add(events.transactionId());
  }

  @Nested
  class WhenNothingWasReadBefore {

    @Test
    void thenEveryBatchIsDeliveredInLedgerOrderFromTheFirstBlock() throws Exception {
      List<RecordedEvents> received = new ArrayList<>();

      reader().run(received::add);

      assertThat(channel.requests()).containsExactly(new Start(0, null));
      assertThat(received).extracting(RecordedEvents::transactionId)
          .containsExactly("tx-a", "tx-b", "tx-c", "tx-d", "tx-e");
      assertThat(received.get(0).blockNumber()).isEqualTo(3);
      assertThat(received.get(0).committed()).containsExactly(LedgerAnswers.COMMISSION);
      assertThat(received.get(2).committed()).isEmpty();
      FileEventCheckpoint after = new FileEventCheckpoint(checkpointFile);
      assertThat(after.getBlockNumber()).hasValue(6);
      assertThat(after.getTransactionId()).contains("tx-e");
    }

    @Test
    void thenTheCheckpointMovesOnlyAfterTheListenerReturns() throws Exception {
      List<String> checkpointSeenByListener = new ArrayList<>();

      reader().run(events -> checkpointSeenByListener.add(Files.exists(checkpointFile)
          ? Files.readString(checkpointFile).trim() : "none"));

      assertThat(checkpointSeenByListener).containsExactly(
          "none",
          "{\"blockNumber\":3,\"transactionId\":\"tx-a\"}",
          // tx-r (RecallIssued) is stepped over, but checkpointed, before tx-c comes
          "{\"blockNumber\":4,\"transactionId\":\"tx-r\"}",
          "{\"blockNumber\":5,\"transactionId\":\"tx-c\"}",
          "{\"blockNumber\":5,\"transactionId\":\"tx-d\"}");
    }
  }

  @Nested
  class WhenReadingResumes {

    @Test
    void thenAFailedListenerGetsTheSameBatchAgainAndNothingIsSkippedOrRepeated() throws Exception {
      LedgerEventReadException failure = catchThrowableOfType(LedgerEventReadException.class,
          () -> reader().run(events -> {
            if (events.transactionId().equals("tx-c")) {
              throw new IllegalStateException("Kafka is down");
            }
            collect(events);
          }));

      assertThat(failure.event().getTransactionId()).isEqualTo("tx-c");
      assertThat(failure).hasRootCauseMessage("Kafka is down");
      assertThat(new FileEventCheckpoint(checkpointFile).getTransactionId()).contains("tx-r");

      reader().run(collector);

      assertThat(channel.requests()).containsExactly(new Start(0, null), new Start(4, "tx-r"));
      assertThat(delivered).containsExactly("tx-a", "tx-b", "tx-c", "tx-d", "tx-e");
    }

    @Test
    void thenARestartInTheMiddleOfABlockResumesAfterTheLastTransactionHandled() throws Exception {
      LedgerEventReader first = reader();
      first.run(events -> {
        collect(events);
        if (events.transactionId().equals("tx-a")) {
          first.close();
        }
      });
      assertThat(delivered).containsExactly("tx-a");

      reader().run(collector);

      assertThat(channel.requests()).last().isEqualTo(new Start(3, "tx-a"));
      assertThat(delivered).containsExactly("tx-a", "tx-b", "tx-c", "tx-d", "tx-e");
    }

    @Test
    void thenBatchesCommittedWhileStoppedAreDeliveredOnce() throws Exception {
      reader().run(collector);
      channel.recorded(6, "tx-f").recorded(9, "tx-g");

      reader().run(collector);

      assertThat(delivered).containsExactly("tx-a", "tx-b", "tx-c", "tx-d", "tx-e", "tx-f", "tx-g");
    }

    @Test
    void thenABrokenStreamLeavesTheCheckpointAtTheLastBatchHandled() throws Exception {
      channel.breakingAfter(2);

      assertThatThrownBy(() -> reader().run(collector)).isInstanceOf(LedgerEventReadException.class)
          .hasMessageContaining("stream broke");

      assertThat(delivered).containsExactly("tx-a", "tx-b");
      assertThat(new FileEventCheckpoint(checkpointFile).getTransactionId()).contains("tx-b");
    }

    @Test
    void thenAGatewayReplayingTheCheckpointedTransactionDoesNotCauseADuplicate() throws Exception {
      channel.ignoringCheckpointTransaction();
      new FileEventCheckpoint(checkpointFile).checkpointTransaction(5, "tx-c");

      reader().run(collector);

      assertThat(delivered).containsExactly("tx-d", "tx-e");
    }
  }

  @Nested
  class WhenAnEventCannotBeRead {

    @Test
    void thenReadingStopsBeforeItAndTheCheckpointStaysPut() throws Exception {
      channel = new ChannelEventLog(CHAINCODE)
          .recorded(3, "tx-a")
          .other(4, "tx-x", LedgerEventReader.EVENTS_RECORDED, "{\"txId\":\"tx-x\"}".getBytes(StandardCharsets.UTF_8));

      assertThatThrownBy(() -> reader().run(collector)).isInstanceOf(LedgerEventReadException.class)
          .hasMessageContaining("unreadable EventsRecorded in block 4");

      assertThat(new FileEventCheckpoint(checkpointFile).getTransactionId()).contains("tx-a");
    }

    @Test
    void thenAPayloadNamingAnotherTransactionIsRefused() throws Exception {
      channel = new ChannelEventLog(CHAINCODE).other(4, "tx-x", LedgerEventReader.EVENTS_RECORDED,
          LedgerAnswers.eventsRecordedPayload("tx-y"));

      assertThatThrownBy(() -> reader().run(collector)).isInstanceOf(LedgerEventReadException.class)
          .hasMessageContaining("names transaction tx-y");
      assertThat(Files.exists(checkpointFile)).isFalse();
    }
  }
}
