package org.pharmatrace.epcis.xml;

import jakarta.xml.bind.JAXBException;

/** Turns JAXB's nested exceptions into one readable sentence for an {@link org.pharmatrace.epcis.io.EpcisFormatException}. */
final class JaxbErrors {

    private JaxbErrors() {
    }

    static String describe(Throwable e) {
        Throwable cause = e;
        String message = null;
        while (cause != null) {
            String m = cause.getMessage();
            if (m != null && !m.isBlank()) {
                message = m;
            }
            Throwable next = cause instanceof JAXBException jaxb && jaxb.getLinkedException() != null
                    ? jaxb.getLinkedException() : cause.getCause();
            if (next == cause) {
                break;
            }
            cause = next;
        }
        return message == null ? e.getClass().getSimpleName() : message.strip();
    }
}
