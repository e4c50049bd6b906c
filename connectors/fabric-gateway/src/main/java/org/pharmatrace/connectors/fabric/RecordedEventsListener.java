package org.pharmatrace.connectors.fabric;

/**
 * Receives each committed batch exactly once in ledger order, as long as it returns normally: the reader's checkpoint
 * moves past the event only then. Throwing stops the reader; the same event comes again on the next run.
 */
@FunctionalInterface
public interface RecordedEventsListener {
  void onEventsRecorded(RecordedEvents events) throws Exception;
}
