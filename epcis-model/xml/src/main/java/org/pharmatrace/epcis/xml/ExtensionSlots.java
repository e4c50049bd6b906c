package org.pharmatrace.epcis.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.pharmatrace.epcis.model.ExtensionElement;

/**
 * How the model keeps EPCIS's own extension elements. Most EPCIS XML types end with an {@code <extension>}
 * element (reserved for future EPCIS fields) and a wildcard for user extensions in other namespaces; events also
 * have {@code <baseExtension>}. The model has one extension list per structure, so such a wrapper is kept in it as
 * an element without namespace named after the wrapper, and writers put it back in its place.
 */
final class ExtensionSlots {

    static final String EXTENSION = "extension";
    static final String BASE_EXTENSION = "baseExtension";

    private ExtensionSlots() {
    }

    static boolean isWrapper(ExtensionElement element, String wrapperName) {
        return element.name().getNamespaceURI().isEmpty() && element.name().getLocalPart().equals(wrapperName);
    }

    static ExtensionElement wrapper(String wrapperName, Map<QName, String> attributes, List<ExtensionElement> content) {
        return new ExtensionElement(new QName(wrapperName), attributes == null ? Map.of() : attributes,
                content.isEmpty() ? "" : null, content);
    }

    /** The wrapper of this name in the list, or {@code null}. */
    static ExtensionElement find(List<ExtensionElement> extensions, String wrapperName) {
        for (ExtensionElement e : extensions) {
            if (isWrapper(e, wrapperName)) {
                return e;
            }
        }
        return null;
    }

    /** The list without the wrappers named. */
    static List<ExtensionElement> withoutWrappers(List<ExtensionElement> extensions, String... wrapperNames) {
        List<ExtensionElement> rest = new ArrayList<>(extensions.size());
        outer:
        for (ExtensionElement e : extensions) {
            for (String name : wrapperNames) {
                if (isWrapper(e, name)) {
                    continue outer;
                }
            }
            rest.add(e);
        }
        return rest;
    }

    static boolean hasNamespace(ExtensionElement element) {
        return !element.name().getNamespaceURI().isEmpty();
    }
}
