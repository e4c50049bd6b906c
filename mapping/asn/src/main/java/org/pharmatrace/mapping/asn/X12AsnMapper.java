package org.pharmatrace.mapping.asn;

import java.io.InputStream;
import org.pharmatrace.mapping.EpcisEventSink;
import org.pharmatrace.mapping.PartnerFormat;
import org.pharmatrace.mapping.PartnerFormatMapper;
import org.pharmatrace.mapping.PartnerProfile;

/**
 * X12 856 ship notices to EPCIS packing and shipping events ({@link AsnToEpcis}). To acknowledge as well as map,
 * {@link #read} first, {@link #map(EdiInterchange, PartnerProfile, EpcisEventSink)} the result, and build the
 * {@link X12FunctionalAck} from it (or from the {@link AsnFormatException}'s interchange when mapping failed).
 */
public final class X12AsnMapper implements PartnerFormatMapper {

    @Override
    public PartnerFormat format() {
        return PartnerFormat.X12_856;
    }

    /** @throws AsnFormatException when the interchange is malformed or a notice cannot be mapped */
    @Override
    public long map(InputStream document, PartnerProfile profile, EpcisEventSink sink) {
        return map(read(document, profile), profile, sink);
    }

    /** Reads and validates the interchange without mapping it; problems are in the result's errors. */
    public EdiInterchange read(InputStream document, PartnerProfile profile) {
        return new X12AsnReader(profile).read(document);
    }

    /** Maps an interchange already read; refuses it (listing every problem) when it or any notice has errors. */
    public long map(EdiInterchange interchange, PartnerProfile profile, EpcisEventSink sink) {
        return AsnInterchangeMapping.map(interchange, profile, sink);
    }
}
