package org.pharmatrace.epcis.jsonld;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.pharmatrace.epcis.model.ExtensionElement;

/**
 * Writes {@link ExtensionElement}s as JSON-LD members, the inverse of {@link ExtensionDecoder}: elements of one name
 * become one member (an array when repeated), leaves strings, complex elements objects; XML attributes and the text
 * of an element that also has attributes or children go to {@code "@attributes"} and {@code "@value"}.
 *
 * <p>JSON objects have no order across names, so siblings are grouped by name in order of first appearance: an
 * XML sequence {@code a, b, a} comes back as {@code a, a, b}.
 */
final class ExtensionEncoder {

    private ExtensionEncoder() {
    }

    /** Declares (in the scope) a prefix for every namespace the elements use, so they can be written afterwards. */
    static void declareNamespaces(List<ExtensionElement> elements, PrefixScope scope) {
        for (ExtensionElement e : elements) {
            scope.memberName(e.name());
            e.attributes().keySet().forEach(scope::memberName);
            declareNamespaces(e.children(), scope);
        }
    }

    static void writeMembers(List<ExtensionElement> elements, JsonGenerator out, PrefixScope scope) throws IOException {
        for (var group : groupedByName(elements).entrySet()) {
            out.writeFieldName(scope.memberName(group.getKey()));
            List<ExtensionElement> sameName = group.getValue();
            if (sameName.size() == 1) {
                writeValue(sameName.get(0), out, scope);
            } else {
                out.writeStartArray();
                for (ExtensionElement e : sameName) {
                    writeValue(e, out, scope);
                }
                out.writeEndArray();
            }
        }
    }

    /** The element's content as a JSON value (its name is written by the caller). */
    static void writeValue(ExtensionElement element, JsonGenerator out, PrefixScope scope) throws IOException {
        if (element.attributes().isEmpty() && element.children().isEmpty()) {
            if (element.text() == null) {
                out.writeNull();
            } else {
                out.writeString(element.text());
            }
            return;
        }
        out.writeStartObject();
        writeContent(element.attributes(), element.text(), element.children(), out, scope);
        out.writeEndObject();
    }

    /** The members of an element's object form, without the braces (master-data attributes share it). */
    static void writeContent(Map<QName, String> attributes, String text, List<ExtensionElement> children,
                             JsonGenerator out, PrefixScope scope) throws IOException {
        if (!attributes.isEmpty()) {
            out.writeObjectFieldStart(ExtensionDecoder.ATTRIBUTES);
            for (var attribute : attributes.entrySet()) {
                out.writeStringField(scope.memberName(attribute.getKey()), attribute.getValue());
            }
            out.writeEndObject();
        }
        if (text != null) {
            out.writeStringField(ExtensionDecoder.VALUE, text);
        }
        writeMembers(children, out, scope);
    }

    private static Map<QName, List<ExtensionElement>> groupedByName(List<ExtensionElement> elements) {
        Map<QName, List<ExtensionElement>> groups = new LinkedHashMap<>();
        for (ExtensionElement e : elements) {
            groups.computeIfAbsent(e.name(), n -> new ArrayList<>()).add(e);
        }
        return groups;
    }
}
