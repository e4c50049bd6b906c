package org.pharmatrace.connectors.fabric;

import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.ChaincodeEventsRequest;
import org.hyperledger.fabric.client.Checkpointer;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.client.Network;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the traceability chaincode's {@code EventsRecorded} events from a checkpoint and hands each to a listener;
 * the checkpoint moves past an event only once the listener has returned. After a restart (or a failed listener, or a
 * broken stream) the next {@link #run} starts right after the last event handled: nothing is skipped, and only the
 * event whose handling failed comes twice. Other chaincode events (e.g. {@code RecallIssued}) are stepped over.
 *
 * <p>The first run of a new checkpoint starts at {@code firstBlock}: 0 reads the channel's whole history.
 */
public final class LedgerEventReader implements AutoCloseable {

  /** The chaincode event {@code recordEvents} raises. */
  public static final String EVENTS_RECORDED = "EventsRecorded";

  private static final Logger LOG = LoggerFactory.getLogger(LedgerEventReader.class);

  private final Network network;
  private final String chaincode;
  private final Checkpointer checkpoint;
  private final long firstBlock;
  private volatile boolean closed;
  private volatile CloseableIterator<ChaincodeEvent> stream;

  /** Reads as {@code organisation} (any member of the channel sees every organisation's events). */
  public LedgerEventReader(LedgerGateway gateway, String organisation, Checkpointer checkpoint, long firstBlock) {
    this(gateway.network(organisation), gateway.chaincode(organisation), checkpoint, firstBlock);
  }

  public LedgerEventReader(Network network, String chaincode, Checkpointer checkpoint, long firstBlock) {
    if (firstBlock < 0) {
      throw new IllegalArgumentException("firstBlock must not be negative");
    }
    this.network = network;
    this.chaincode = chaincode;
    this.checkpoint = checkpoint;
    this.firstBlock = firstBlock;
  }

  /**
   * Reads until {@link #close()} is called (then returns normally) or something fails.
   *
   * @throws LedgerEventReadException the listener failed, the checkpoint could not be saved, an event was unreadable
   *     or the event stream broke; the checkpoint is at the last event handled, so calling {@code run} again resumes
   */
  public void run(RecordedEventsListener listener) throws LedgerEventReadException {
    ChaincodeEventsRequest.Builder request = network.newChaincodeEventsRequest(chaincode);
    if (checkpoint.getBlockNumber().isPresent()) {
      // The gateway starts at the checkpoint's block and skips its events up to the checkpointed transaction.
      request.checkpoint(checkpoint);
    } else {
      request.startBlock(firstBlock);
    }
    LOG.info("reading {} events of {} from {}", EVENTS_RECORDED, chaincode, position());
    try (CloseableIterator<ChaincodeEvent> events = request.build().getEvents()) {
      stream = events;
      if (closed) {
        return;
      }
      while (events.hasNext()) {
        ChaincodeEvent event = events.next();
        if (handledAlready(event)) {
          continue;
        }
        if (EVENTS_RECORDED.equals(event.getEventName())) {
          deliver(event, listener);
        }
        try {
          checkpoint.checkpointChaincodeEvent(event);
        } catch (IOException e) {
          throw new LedgerEventReadException("cannot save the checkpoint after block " + event.getBlockNumber()
              + " transaction " + event.getTransactionId() + "; it will be delivered again", event, e);
        }
      }
    } catch (GatewayRuntimeException | StatusRuntimeException e) {
      if (closed) {
        return;
      }
      throw new LedgerEventReadException("the chaincode event stream broke at " + position(), null, e);
    } finally {
      stream = null;
    }
  }

  private void deliver(ChaincodeEvent event, RecordedEventsListener listener) throws LedgerEventReadException {
    RecordedEvents recorded;
    try {
      recorded = RecordedEvents.from(event);
    } catch (IllegalArgumentException e) {
      // Stepping over it would lose a committed batch from the hub's view; a stuck reader gets noticed.
      throw new LedgerEventReadException("unreadable " + EVENTS_RECORDED + " in block " + event.getBlockNumber()
          + " transaction " + event.getTransactionId() + ": " + e.getMessage(), event, e);
    }
    try {
      listener.onEventsRecorded(recorded);
    } catch (Exception e) {
      throw new LedgerEventReadException("the listener failed on block " + event.getBlockNumber() + " transaction "
          + event.getTransactionId() + "; it will be delivered again", event, e);
    }
  }

  /** A guard against the gateway repeating the checkpointed event; it should not, as it is told where to resume. */
  private boolean handledAlready(ChaincodeEvent event) {
    OptionalLong block = checkpoint.getBlockNumber();
    if (block.isEmpty()) {
      return false;
    }
    Optional<String> transaction = checkpoint.getTransactionId();
    return event.getBlockNumber() < block.getAsLong()
        || (event.getBlockNumber() == block.getAsLong() && transaction.isPresent()
            && transaction.get().equals(event.getTransactionId()));
  }

  private String position() {
    OptionalLong block = checkpoint.getBlockNumber();
    if (block.isEmpty()) {
      return "block " + firstBlock + " (no checkpoint yet)";
    }
    return "block " + block.getAsLong() + checkpoint.getTransactionId().map(tx -> " after transaction " + tx)
        .orElse("");
  }

  /** Stops {@link #run}, which then returns normally; the checkpoint stays at the last event handled. */
  @Override
  public void close() {
    closed = true;
    CloseableIterator<ChaincodeEvent> events = stream;
    if (events != null) {
      events.close();
    }
  }
}
