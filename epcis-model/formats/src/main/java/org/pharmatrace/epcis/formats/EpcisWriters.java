package org.pharmatrace.epcis.formats;

import java.io.OutputStream;
import org.pharmatrace.epcis.io.EpcisDocumentWriter;
import org.pharmatrace.epcis.io.EpcisFormat;
import org.pharmatrace.epcis.jsonld.EpcisJsonLdWriter;
import org.pharmatrace.epcis.xml.Epcis12XmlWriter;
import org.pharmatrace.epcis.xml.EpcisXmlWriter;

/** Creates the streaming writer for a target syntax. */
public final class EpcisWriters {

    private EpcisWriters() {
    }

    public static EpcisDocumentWriter create(EpcisFormat format, OutputStream out) {
        return switch (format) {
            case JSON_LD -> new EpcisJsonLdWriter(out);
            case XML_2_0 -> new EpcisXmlWriter(out);
            case XML_1_2 -> new Epcis12XmlWriter(out);
        };
    }
}
