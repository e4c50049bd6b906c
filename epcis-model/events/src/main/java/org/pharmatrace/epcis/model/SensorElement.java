package org.pharmatrace.epcis.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;

/**
 * One sensorElement: the metadata of a sensor device and its reports. Standard attributes
 * ({@code time}, {@code type}, {@code value}, {@code uom}, ...) have no namespace; extension attributes keep theirs.
 * Values are kept as their lexical text; writers type them (numbers, booleans) where the standard does.
 */
public record SensorElement(Map<QName, String> metadata, List<Map<QName, String>> reports,
                            List<ExtensionElement> extensions) {
    public SensorElement {
        metadata = ordered(metadata);
        reports = reports.stream().map(SensorElement::ordered).toList();
        extensions = List.copyOf(extensions);
    }

    private static Map<QName, String> ordered(Map<QName, String> attributes) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
