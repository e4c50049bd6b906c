package org.pharmatrace.connectors.fabric;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.ChaincodeEventsRequest;
import org.hyperledger.fabric.client.Checkpoint;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.client.Network;

/**
 * A channel's chaincode events, served through a mocked {@link Network} the way the gateway serves a chaincode events
 * request: from the start block (or the checkpoint's block), skipping the checkpoint block's events up to and including
 * the checkpointed transaction. The stream then ends, where the gateway's would wait for the next block.
 */
final class ChannelEventLog {

  record Event(long blockNumber, String transactionId, String chaincodeName, String eventName, byte[] payload)
      implements ChaincodeEvent {
    @Override
    public long getBlockNumber() {
      return blockNumber;
    }

    @Override
    public String getTransactionId() {
      return transactionId;
    }

    @Override
    public String getChaincodeName() {
      return chaincodeName;
    }

    @Override
    public String getEventName() {
      return eventName;
    }

    @Override
    public byte[] getPayload() {
      return payload;
    }
  }

  /** Where a request asked to start. */
  record Start(long block, String afterTransactionId) {
  }

  private final String chaincode;
  private final List<Event> events = new ArrayList<>();
  private final List<Start> requests = new ArrayList<>();
  private boolean ignoreAfterTransaction;
  private int breakAfter = -1;

  ChannelEventLog(String chaincode) {
    this.chaincode = chaincode;
  }

  ChannelEventLog recorded(long block, String transactionId, String... committedHashes) {
    events.add(new Event(block, transactionId, chaincode, LedgerEventReader.EVENTS_RECORDED,
        LedgerAnswers.eventsRecordedPayload(transactionId, committedHashes)));
    return this;
  }

  ChannelEventLog other(long block, String transactionId, String eventName, byte[] payload) {
    events.add(new Event(block, transactionId, chaincode, eventName, payload));
    return this;
  }

  /** Behave like a gateway that starts at the checkpoint's block but replays its events (the reader must cope). */
  ChannelEventLog ignoringCheckpointTransaction() {
    ignoreAfterTransaction = true;
    return this;
  }

  /** The stream fails with UNAVAILABLE after serving this many events. */
  ChannelEventLog breakingAfter(int served) {
    breakAfter = served;
    return this;
  }

  List<Start> requests() {
    return requests;
  }

  Network network() {
    Network network = mock(Network.class);
    when(network.newChaincodeEventsRequest(chaincode)).thenAnswer(call -> newRequest());
    return network;
  }

  private ChaincodeEventsRequest.Builder newRequest() {
    ChaincodeEventsRequest.Builder builder = mock(ChaincodeEventsRequest.Builder.class);
    long[] start = {-1};
    String[] after = {null};
    when(builder.startBlock(anyLong())).thenAnswer(call -> {
      start[0] = call.getArgument(0);
      return builder;
    });
    when(builder.checkpoint(any(Checkpoint.class))).thenAnswer(call -> {
      // Read at once, as the real builder does: the checkpointer moves on while the stream is served.
      Checkpoint checkpoint = call.getArgument(0);
      checkpoint.getBlockNumber().ifPresent(block -> start[0] = block);
      after[0] = checkpoint.getTransactionId().orElse(null);
      return builder;
    });
    when(builder.build()).thenAnswer(call -> {
      Start requested = new Start(start[0], after[0]);
      requests.add(requested);
      ChaincodeEventsRequest request = mock(ChaincodeEventsRequest.class);
      when(request.getEvents()).thenAnswer(get -> stream(requested));
      return request;
    });
    return builder;
  }

  private CloseableIterator<ChaincodeEvent> stream(Start start) {
    if (start.block() < 0) {
      throw new IllegalStateException("the gateway would start at the next block: the reader must say where");
    }
    List<ChaincodeEvent> served = new ArrayList<>();
    boolean skipping = start.afterTransactionId() != null && !ignoreAfterTransaction;
    for (Event event : events) {
      if (event.blockNumber() < start.block()) {
        continue;
      }
      if (skipping && event.blockNumber() == start.block()) {
        skipping = !event.transactionId().equals(start.afterTransactionId());
        continue;
      }
      served.add(event);
    }
    return new Stream(served.iterator(), breakAfter);
  }

  private static final class Stream implements CloseableIterator<ChaincodeEvent> {
    private final Iterator<ChaincodeEvent> events;
    private final int breakAfter;
    private int served;
    private boolean closed;

    Stream(Iterator<ChaincodeEvent> events, int breakAfter) {
      this.events = events;
      this.breakAfter = breakAfter;
    }

    @Override
    public boolean hasNext() {
      if (closed) {
        throw new GatewayRuntimeException(FabricFailures.grpc(io.grpc.Status.Code.CANCELLED, "stream closed"));
      }
      if (served == breakAfter) {
        throw new GatewayRuntimeException(FabricFailures.grpc(io.grpc.Status.Code.UNAVAILABLE, "peer went away"));
      }
      return events.hasNext();
    }

    @Override
    public ChaincodeEvent next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      served++;
      return events.next();
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
