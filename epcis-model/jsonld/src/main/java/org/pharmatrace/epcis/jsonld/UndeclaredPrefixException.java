package org.pharmatrace.epcis.jsonld;

import org.pharmatrace.epcis.io.EpcisFormatException;

/**
 * A member name uses a prefix no {@code @context} in scope declares. Its own type so the reader can tell it apart:
 * when the document's {@code @context} has not been read yet (it may follow the events), the reader looks ahead.
 */
final class UndeclaredPrefixException extends EpcisFormatException {

    private final String prefix;

    UndeclaredPrefixException(String message, String prefix, long eventIndex, String field) {
        super(message, eventIndex, field, null);
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }
}
