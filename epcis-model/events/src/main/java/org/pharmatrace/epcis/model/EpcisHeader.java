package org.pharmatrace.epcis.model;

import java.util.List;

/**
 * The EPCIS header: the Standard Business Document Header (kept as an element tree, as DSCSA files carry
 * partner-specific content there), master data, and header extensions.
 *
 * @param standardBusinessDocumentHeader the {@code sbdh:StandardBusinessDocumentHeader} element, or {@code null}
 */
public record EpcisHeader(ExtensionElement standardBusinessDocumentHeader, List<Vocabulary> masterData,
                          List<ExtensionElement> extensions) {
    public EpcisHeader {
        masterData = List.copyOf(masterData);
        extensions = List.copyOf(extensions);
    }

    public static final EpcisHeader EMPTY = new EpcisHeader(null, List.of(), List.of());

    public boolean isEmpty() {
        return standardBusinessDocumentHeader == null && masterData.isEmpty() && extensions.isEmpty();
    }
}
