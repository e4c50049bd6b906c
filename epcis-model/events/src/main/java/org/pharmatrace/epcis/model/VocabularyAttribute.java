package org.pharmatrace.epcis.model;

import java.util.List;

/**
 * A master-data attribute: a simple text value, or structured content (e.g. a postal address) as elements.
 *
 * @param id the attribute URI, e.g. {@code urn:epcglobal:cbv:mda#drugName}
 * @param text the value of a simple attribute, {@code null} for a structured one
 * @param value the child elements of a structured attribute, empty for a simple one
 */
public record VocabularyAttribute(String id, String text, List<ExtensionElement> value) {
    public VocabularyAttribute {
        value = List.copyOf(value);
    }

    public static VocabularyAttribute of(String id, String text) {
        return new VocabularyAttribute(id, text, List.of());
    }
}
