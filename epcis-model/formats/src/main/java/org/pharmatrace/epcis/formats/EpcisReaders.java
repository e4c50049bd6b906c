package org.pharmatrace.epcis.formats;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.pharmatrace.epcis.io.EpcisEventReader;
import org.pharmatrace.epcis.io.EpcisFormat;
import org.pharmatrace.epcis.io.EpcisFormatException;
import org.pharmatrace.epcis.jsonld.EpcisJsonLdReader;
import org.pharmatrace.epcis.xml.EpcisXmlReader;

/** Opens the right streaming reader for an EPCIS document, whatever syntax it is in, by looking at its content. */
public final class EpcisReaders {

    /** How far into a document we look for the root element's namespace. Prologs (comments, PIs) are short. */
    private static final int SNIFF_BYTES = 16 * 1024;

    private EpcisReaders() {
    }

    /** Opens a reader for an EPCIS 2.0 XML, EPCIS 1.2 XML or EPCIS 2.0 JSON-LD document. */
    public static EpcisEventReader open(InputStream in) {
        BufferedInputStream buffered = in instanceof BufferedInputStream b ? b : new BufferedInputStream(in, 64 * 1024);
        EpcisFormat format = detect(buffered);
        return format == EpcisFormat.JSON_LD ? new EpcisJsonLdReader(buffered) : new EpcisXmlReader(buffered);
    }

    /**
     * The syntax of the document at the stream's current position; the stream is reset so nothing is consumed.
     * JSON-LD starts with '{'; XML with '<', its version told by the EPCIS namespace the root element declares.
     */
    public static EpcisFormat detect(BufferedInputStream in) {
        try {
            in.mark(SNIFF_BYTES);
            byte[] head = in.readNBytes(SNIFF_BYTES);
            in.reset();
            String text = new String(head, StandardCharsets.UTF_8);
            int i = 0;
            if (text.startsWith("\uFEFF")) {
                i = 1;
            }
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i == text.length()) {
                throw new EpcisFormatException("the document is empty: expected EPCIS XML or JSON-LD");
            }
            char first = text.charAt(i);
            if (first == '{') {
                return EpcisFormat.JSON_LD;
            }
            if (first != '<') {
                throw new EpcisFormatException("not an EPCIS document: it starts with '" + first
                        + "', expected '<' (EPCIS XML) or '{' (EPCIS JSON-LD)");
            }
            return text.contains("urn:epcglobal:epcis:xsd:1") && !text.contains("urn:epcglobal:epcis:xsd:2")
                    ? EpcisFormat.XML_1_2 : EpcisFormat.XML_2_0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the document", e);
        }
    }
}
