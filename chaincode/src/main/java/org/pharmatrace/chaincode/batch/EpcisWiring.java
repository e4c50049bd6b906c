package org.pharmatrace.chaincode.batch;

import org.pharmatrace.epcis.jsonld.EpcisJsonLdReader;

/** The hub's own EPCIS modules behind the contract's two seams: reading JSON-LD and computing Event Hash IDs. */
public final class EpcisWiring {

    private EpcisWiring() {
    }

    public static EpcisBatchReader batchReader() {
        return new JsonLdBatchReader(EpcisJsonLdReader::new);
    }

    public static EventHashCalculator hashCalculator() {
        return new Gs1EventHashCalculator();
    }
}
