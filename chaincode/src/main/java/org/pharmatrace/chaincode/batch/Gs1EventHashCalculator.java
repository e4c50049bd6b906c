package org.pharmatrace.chaincode.batch;

import org.pharmatrace.epcis.hash.CbvVersion;
import org.pharmatrace.epcis.hash.EventHashGenerator;
import org.pharmatrace.epcis.model.EpcisEvent;

/**
 * The GS1 Event Hash ID, computed with the CBV revision the event's own eventID names ({@code ?ver=CBV2.1}), CBV 2.0
 * otherwise: a partner whose tooling hashes with 2.1 is checked against 2.1, not rejected for it.
 */
public final class Gs1EventHashCalculator implements EventHashCalculator {

    private final EventHashGenerator cbv20 = new EventHashGenerator(CbvVersion.CBV2_0);
    private final EventHashGenerator cbv21 = new EventHashGenerator(CbvVersion.CBV2_1);

    @Override
    public String eventHashId(EpcisEvent event) {
        String declared = event.getEventId();
        boolean cbv21Declared = declared != null && declared.trim().endsWith("?ver=" + CbvVersion.CBV2_1.label());
        return (cbv21Declared ? cbv21 : cbv20).eventHashId(event);
    }
}
