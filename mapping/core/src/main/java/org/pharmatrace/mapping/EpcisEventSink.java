package org.pharmatrace.mapping;

import org.pharmatrace.epcis.model.EpcisEvent;

/** Receives the events a mapping produces, one at a time, so large partner files never sit in memory as events. */
@FunctionalInterface
public interface EpcisEventSink {
    void accept(EpcisEvent event);
}
