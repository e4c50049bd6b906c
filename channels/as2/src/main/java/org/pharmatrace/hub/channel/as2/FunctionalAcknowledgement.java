package org.pharmatrace.hub.channel.as2;

/**
 * An X12 997/999 or EDIFACT CONTRL for the partner that sent an interchange.
 *
 * @param partnerAs2Id who gets it
 * @param mediaType {@code application/edi-x12} or {@code application/edifact}
 * @param content the acknowledgement interchange
 * @param accepted whether it accepts the interchange
 */
public record FunctionalAcknowledgement(String partnerAs2Id, String mediaType, String content, boolean accepted) {
}
