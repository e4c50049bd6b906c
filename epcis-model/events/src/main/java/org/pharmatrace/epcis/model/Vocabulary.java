package org.pharmatrace.epcis.model;

import java.util.List;

/** Master data of one vocabulary type (e.g. {@code urn:epcglobal:epcis:vtype:EPCClass} for products). */
public record Vocabulary(String type, List<VocabularyElement> elements, List<ExtensionElement> extensions) {
    public Vocabulary {
        elements = List.copyOf(elements);
        extensions = List.copyOf(extensions);
    }
}
