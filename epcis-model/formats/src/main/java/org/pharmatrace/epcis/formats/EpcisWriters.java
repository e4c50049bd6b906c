package org.pharmatrace.epcis.formats;

import java.io.OutputStream;
import org.pharmatrace.epcis.io.EpcisDocumentWriter;
import org.pharmatrace.epcis.io.EpcisFormat;
import org.pharmatrace.epcis.jsonld.EpcisJsonLdWriter;
import org.pharmatrace.epcis.xml.EpcisXmlWriter;

/** Creates the streaming writer for a target syntax. */
public final class EpcisWriters {

    private EpcisWriters() {
    }

    /** A compact writer, as services exchange documents. */
    public static EpcisDocumentWriter create(EpcisFormat format, OutputStream out) {
        return create(format, out, false);
    }

    /** @param forPeople indent JSON-LD for reading (XML is written as is) */
    public static EpcisDocumentWriter create(EpcisFormat format, OutputStream out, boolean forPeople) {
        return switch (format) {
            case JSON_LD -> new EpcisJsonLdWriter(out, forPeople);
            case XML_2_0, XML_1_2 -> new EpcisXmlWriter(out, format);
        };
    }
}
