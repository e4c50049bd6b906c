package org.pharmatrace.epcis.xml.bind;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;

/**
 * Keeps typed XML values (dateTime, double, boolean, hexBinary) as the text the document carried; the generated
 * bindings use it so that reading and writing never reformat a partner's values.
 */
public final class LexicalText extends XmlAdapter<String, String> {

    @Override
    public String unmarshal(String text) {
        return text;
    }

    @Override
    public String marshal(String text) {
        return text;
    }
}
