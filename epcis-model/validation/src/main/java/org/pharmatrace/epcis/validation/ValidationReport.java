package org.pharmatrace.epcis.validation;

import java.util.List;
import org.pharmatrace.epcis.io.EpcisFormat;

/**
 * The outcome of validating one document. Keeps at most {@link ErrorCollector#MAX_REPORTED} errors in detail so
 * that a broken million-event file cannot exhaust memory; {@link #errorCount()} counts them all.
 */
public record ValidationReport(EpcisFormat format, long eventCount, List<ValidationError> errors, long errorCount) {

    public boolean isValid() {
        return errorCount == 0;
    }

    /** The errors of one event, for callers that accept the valid events of a document and reject the rest. */
    public List<ValidationError> errorsOf(long eventIndex) {
        return errors.stream().filter(e -> e.eventIndex() == eventIndex).toList();
    }

    public String formatName() {
        if (format == null) {
            return "unknown format";
        }
        return switch (format) {
            case XML_2_0 -> "EPCIS 2.0 XML";
            case XML_1_2 -> "EPCIS 1.2 XML";
            case JSON_LD -> "EPCIS 2.0 JSON-LD";
        };
    }
}
