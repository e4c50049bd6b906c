package org.pharmatrace.epcis.jsonld;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.pharmatrace.epcis.jsonld.JsonValue.JsonArray;
import org.pharmatrace.epcis.jsonld.JsonValue.JsonObject;
import org.pharmatrace.epcis.jsonld.JsonValue.JsonScalar;
import org.pharmatrace.epcis.model.ExtensionElement;

/**
 * Turns JSON-LD members in other namespaces (user extensions, ILMD, SBDH, structured master-data values) into
 * {@link ExtensionElement}s, the way an XML element tree would carry them: a string, number or boolean becomes a
 * leaf's text, an object a complex element, an array repeated elements of one name.
 *
 * <p>Two members carry what plain JSON-LD has no place for, so documents written from XML survive a round trip:
 * {@code "@attributes"} (an object of XML attribute values) and {@code "@value"} (the text of an element that also
 * has attributes or children). JSON-LD processors ignore both, as they do any unknown keyword.
 */
final class ExtensionDecoder {

    static final String ATTRIBUTES = "@attributes";
    static final String VALUE = "@value";

    private ExtensionDecoder() {
    }

    /**
     * Adds the element(s) of a member whose name must be an IRI (event, ILMD, header level: XML requires a namespace
     * there). Fails naming the prefix when it is undeclared, or the member when it is a bare unknown name.
     */
    static void addTopLevel(String key, JsonValue value, DecodingScope scope, String path,
                            List<ExtensionElement> out) {
        add(namespacedName(key, value, scope, path), value, scope, path, out);
    }

    /** The element name of a member that must be IRI-named. */
    static QName namespacedName(String key, JsonValue at, DecodingScope scope, String path) {
        QName name = scope.context().memberName(key);
        if (name != null) {
            return name;
        }
        String prefix = JsonLdContext.compactIriPrefix(key);
        if (prefix != null) {
            throw scope.undeclaredPrefix(at, path, prefix);
        }
        throw scope.fail(at, path, "unknown member (not an EPCIS term and not an IRI or compact IRI)");
    }

    /** The element(s) of a member nested in an extension, where unqualified names are allowed as in XML. */
    private static QName childName(String key, JsonValue at, DecodingScope scope, String path) {
        QName name = scope.context().memberName(key);
        if (name != null) {
            return name;
        }
        String prefix = JsonLdContext.compactIriPrefix(key);
        if (prefix != null) {
            throw scope.undeclaredPrefix(at, path, prefix);
        }
        return new QName(key);
    }

    private static void add(QName name, JsonValue value, DecodingScope scope, String path,
                            List<ExtensionElement> out) {
        if (value instanceof JsonArray array) {
            for (int i = 0; i < array.items().size(); i++) {
                JsonValue item = array.items().get(i);
                if (item instanceof JsonArray) {
                    throw scope.fail(item, path + "[" + i + "]", "arrays of arrays have no element form");
                }
                out.add(element(name, item, scope, path + "[" + i + "]"));
            }
        } else {
            out.add(element(name, value, scope, path));
        }
    }

    static ExtensionElement element(QName name, JsonValue value, DecodingScope scope, String path) {
        if (value instanceof JsonScalar s) {
            return new ExtensionElement(name, Map.of(), s.text(), List.of());
        }
        JsonObject object = (JsonObject) value;
        DecodingScope inner = object.get("@context") == null ? scope : scope.withContext(object.get("@context"));
        Map<QName, String> attributes = Map.of();
        String text = null;
        List<ExtensionElement> children = new ArrayList<>();
        for (var member : object.members().entrySet()) {
            String key = member.getKey();
            String memberPath = path + "." + key;
            switch (key) {
                case "@context", "@type" -> {
                    // @type only types a JSON-LD value; the model keeps lexical text
                }
                case ATTRIBUTES -> attributes = attributes(member.getValue(), inner, memberPath);
                case VALUE, "@id" -> text = inner.scalarText(member.getValue(), memberPath);
                default -> {
                    if (key.startsWith("@")) {
                        throw inner.fail(member.getValue(), memberPath, "JSON-LD keyword not supported here");
                    }
                    add(childName(key, member.getValue(), inner, memberPath), member.getValue(), inner, memberPath,
                            children);
                }
            }
        }
        return new ExtensionElement(name, attributes, text, children);
    }

    private static Map<QName, String> attributes(JsonValue value, DecodingScope scope, String path) {
        Map<QName, String> attributes = new LinkedHashMap<>();
        for (var member : scope.object(value, path).members().entrySet()) {
            String memberPath = path + "." + member.getKey();
            attributes.put(childName(member.getKey(), member.getValue(), scope, memberPath),
                    scope.scalarText(member.getValue(), memberPath));
        }
        return attributes;
    }
}
