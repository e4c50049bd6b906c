package org.pharmatrace.epcis.validation;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.pharmatrace.epcis.formats.EpcisReaders;
import org.pharmatrace.epcis.io.EpcisEventReader;
import org.pharmatrace.epcis.io.EpcisFormat;
import org.pharmatrace.epcis.io.EpcisFormatException;
import org.pharmatrace.epcis.xml.EpcisXmlSchemas;

/**
 * Validates EPCIS documents in two streaming passes: the official schema of the document's syntax (EPCIS 2.0 or 1.2
 * XSD, or the EPCIS JSON Schema), then {@link EpcisRules} on each event of the canonical model. Memory does not grow
 * with document size. Thread-safe.
 */
public final class EpcisValidator {

    private final EpcisRules rules = new EpcisRules();

    public ValidationReport validate(Path file) {
        return validate(ContentSource.of(file));
    }

    public ValidationReport validate(byte[] document) {
        return validate(ContentSource.of(document));
    }

    public ValidationReport validate(ContentSource source) {
        ErrorCollector errors = new ErrorCollector();
        EpcisFormat format;
        long events;
        try (BufferedInputStream in = new BufferedInputStream(source.open(), 64 * 1024)) {
            format = EpcisReaders.detect(in);
            events = switch (format) {
                case XML_2_0 -> XsdCheck.check(in, EpcisXmlSchemas.epcis20(), errors);
                case XML_1_2 -> XsdCheck.check(in, EpcisXmlSchemas.epcis12(), errors);
                case JSON_LD -> JsonSchemaCheck.check(in, errors);
            };
        } catch (EpcisFormatException e) {
            errors.add(-1, null, null, e.getMessage());
            return new ValidationReport(null, 0, errors.errors(), errors.count());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the document", e);
        }
        checkRules(source, errors);
        return new ValidationReport(format, events, errors.errors(), errors.count());
    }

    /** The rules pass reads the model; a document the schema pass found unreadable is reported once, not twice. */
    private void checkRules(ContentSource source, ErrorCollector errors) {
        try (InputStream in = source.open(); EpcisEventReader reader = EpcisReaders.open(in)) {
            while (reader.hasNext()) {
                rules.check(reader.next(), reader.eventIndex(), errors);
            }
        } catch (EpcisFormatException e) {
            if (errors.isEmpty()) {
                errors.add(e.eventIndex(), null, e.field(), e.getMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the document", e);
        }
    }
}
