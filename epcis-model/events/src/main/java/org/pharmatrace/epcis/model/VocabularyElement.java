package org.pharmatrace.epcis.model;

import java.util.List;

/** One master-data element: an identifier (a GTIN class, a location) with its attributes and child identifiers. */
public record VocabularyElement(String id, List<VocabularyAttribute> attributes, List<String> children,
                                List<ExtensionElement> extensions) {
    public VocabularyElement {
        attributes = List.copyOf(attributes);
        children = List.copyOf(children);
        extensions = List.copyOf(extensions);
    }

    /** The text of the first attribute with this id, or {@code null}. */
    public String attribute(String attributeId) {
        for (VocabularyAttribute a : attributes) {
            if (a.id().equals(attributeId)) {
                return a.text();
            }
        }
        return null;
    }
}
