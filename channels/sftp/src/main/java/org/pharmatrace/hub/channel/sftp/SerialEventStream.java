package org.pharmatrace.hub.channel.sftp;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.mapping.PartnerProfile;
import org.pharmatrace.mapping.serial.SerialCsvMapper;

/**
 * The commissioning events of a serial file as an {@link Iterator}, for the hub's ingest path, which pulls: the
 * mapper, which pushes events into a sink, runs on its own thread and hands them over through a small bounded queue,
 * so only a few events (of at most {@code serial.maxEpcsPerEvent} EPCs each) are in memory at any time.
 */
final class SerialEventStream implements Iterator<EpcisEvent>, AutoCloseable {

    private static final int QUEUE_EVENTS = 4;

    /** What travels through the queue: an event, the end, or the mapper's failure. */
    private record Item(EpcisEvent event, RuntimeException failure) {
    }

    private static final Item END = new Item(null, null);

    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUE_EVENTS);
    private final Thread mapping;
    private Item next;
    private boolean finished;

    SerialEventStream(SerialCsvMapper mapper, Path file, PartnerProfile profile, String threadName) {
        mapping = new Thread(() -> {
            try (InputStream in = Files.newInputStream(file)) {
                mapper.map(in, profile, event -> put(new Item(event, null)));
                put(END);
            } catch (InterruptedRuntimeException stopped) {
                // closed by the reader before the end: nothing more is wanted
            } catch (RuntimeException e) {
                hand(new Item(null, e));
            } catch (Exception e) {
                hand(new Item(null, new IllegalStateException("cannot read " + file + ": " + e, e)));
            }
        }, threadName);
        mapping.setDaemon(true);
        mapping.start();
    }

    @Override
    public boolean hasNext() {
        if (finished) {
            return false;
        }
        if (next == null) {
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while mapping the serial file", e);
            }
        }
        if (next.failure() != null) {
            finished = true;
            throw next.failure();
        }
        if (next == END) {
            finished = true;
            return false;
        }
        return true;
    }

    @Override
    public EpcisEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        EpcisEvent event = next.event();
        next = null;
        return event;
    }

    /** Stops the mapper if it is still running (the ingest ended early). */
    @Override
    public void close() {
        finished = true;
        mapping.interrupt();
        queue.clear();
    }

    private void put(Item item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedRuntimeException();
        }
    }

    /** Hands over the mapper's failure, unless the reader is gone. */
    private void hand(Item failure) {
        try {
            put(failure);
        } catch (InterruptedRuntimeException stopped) {
            // nobody reads any more
        }
    }

    private static final class InterruptedRuntimeException extends RuntimeException {
        InterruptedRuntimeException() {
            super(null, null, false, false);
        }
    }
}
