package org.pharmatrace.epcis.xml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.transform.stream.StreamSource;
import org.pharmatrace.epcis.io.EpcisFormat;
import org.xml.sax.SAXException;

/** Test helpers: read a document and write it again, validate output against the bundled XSDs. */
final class XmlRoundTrip {

    private XmlRoundTrip() {
    }

    static byte[] rewrite(Path input, EpcisFormat target) {
        try (InputStream in = Files.newInputStream(input)) {
            return rewrite(in, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] rewrite(InputStream in, EpcisFormat target) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (EpcisXmlReader reader = new EpcisXmlReader(in); EpcisXmlWriter writer = new EpcisXmlWriter(out, target)) {
            writer.start(reader.document());
            while (reader.hasNext()) {
                writer.write(reader.next());
            }
        }
        return out.toByteArray();
    }

    /** @throws SAXException with the validator's message when the document is not valid */
    static void validate(byte[] document, EpcisFormat format) throws SAXException {
        try {
            EpcisXmlSchemas.newValidator(EpcisXmlSchemas.forFormat(format))
                    .validate(new StreamSource(new ByteArrayInputStream(document)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
