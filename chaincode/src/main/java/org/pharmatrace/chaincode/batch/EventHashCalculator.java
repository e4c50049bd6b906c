package org.pharmatrace.chaincode.batch;

import org.pharmatrace.epcis.model.EpcisEvent;

/** Computes the GS1 Event Hash ID ({@code ni:///sha-256;…?ver=CBV2.0}) of an event from its content. */
public interface EventHashCalculator {
    String eventHashId(EpcisEvent event);
}
