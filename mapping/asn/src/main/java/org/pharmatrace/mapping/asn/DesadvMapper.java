package org.pharmatrace.mapping.asn;

import java.io.InputStream;
import org.pharmatrace.mapping.EpcisEventSink;
import org.pharmatrace.mapping.PartnerFormat;
import org.pharmatrace.mapping.PartnerFormatMapper;
import org.pharmatrace.mapping.PartnerProfile;

/**
 * EDIFACT DESADV despatch advices to EPCIS packing and shipping events ({@link AsnToEpcis}). To acknowledge as
 * well as map, {@link #read} first, {@link #map(EdiInterchange, PartnerProfile, EpcisEventSink)} the result, and build the
 * {@link EdifactContrl} from it (or from the {@link AsnFormatException}'s interchange when mapping failed).
 */
public final class DesadvMapper implements PartnerFormatMapper {

    @Override
    public PartnerFormat format() {
        return PartnerFormat.EDIFACT_DESADV;
    }

    /** @throws AsnFormatException when the interchange is malformed or a notice cannot be mapped */
    @Override
    public long map(InputStream document, PartnerProfile profile, EpcisEventSink sink) {
        return map(read(document, profile), profile, sink);
    }

    /** Reads and validates the interchange without mapping it; problems are in the result's errors. */
    public EdiInterchange read(InputStream document, PartnerProfile profile) {
        return new DesadvReader(profile).read(document);
    }

    /** Maps an interchange already read; refuses it (listing every problem) when it or any notice has errors. */
    public long map(EdiInterchange interchange, PartnerProfile profile, EpcisEventSink sink) {
        return AsnInterchangeMapping.map(interchange, profile, sink);
    }
}
