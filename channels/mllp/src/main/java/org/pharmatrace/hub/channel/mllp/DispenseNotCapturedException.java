package org.pharmatrace.hub.channel.mllp;

import org.pharmatrace.mapping.PartnerFormatException;

/**
 * A dispense message that mapped but whose events the ingest path refused, in part or whole: EPCIS/CBV rules
 * ({@code EPCIS_RULES}) or entitlements ({@code NOT_ENTITLED}, e.g. a location that is not the pharmacy's). Answered
 * with AE; the refused events are in the dead-letter queue under the capture job.
 */
final class DispenseNotCapturedException extends PartnerFormatException {

    private static final long serialVersionUID = 1L;

    DispenseNotCapturedException(String location, String code, String message) {
        super(location, code, message);
    }
}
