package org.pharmatrace.epcis.jsonld;

import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import org.pharmatrace.epcis.cbv.EpcisNamespaces;
import org.pharmatrace.epcis.jsonld.JsonValue.JsonArray;
import org.pharmatrace.epcis.jsonld.JsonValue.JsonObject;
import org.pharmatrace.epcis.jsonld.JsonValue.JsonScalar;
import org.pharmatrace.epcis.model.EpcisHeader;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.epcis.model.Vocabulary;
import org.pharmatrace.epcis.model.VocabularyAttribute;
import org.pharmatrace.epcis.model.VocabularyElement;

/**
 * Maps {@code epcisHeader} onto the model: {@code epcisMasterData.vocabularyList} to master data, the hub's
 * {@code sbdh:StandardBusinessDocumentHeader} member (see {@link EpcisJsonLdWriter}) to the SBDH, other IRI-named
 * members to header extensions.
 */
final class HeaderDecoder {

    static final QName SBDH_ROOT = new QName(EpcisNamespaces.SBDH, "StandardBusinessDocumentHeader", "sbdh");

    private HeaderDecoder() {
    }

    static EpcisHeader header(JsonValue value, DecodingScope scope) {
        JsonObject object = scope.object(value, "epcisHeader");
        ExtensionElement sbdh = null;
        List<Vocabulary> masterData = new ArrayList<>();
        List<ExtensionElement> extensions = new ArrayList<>();
        for (var m : object.members().entrySet()) {
            String path = "epcisHeader." + m.getKey();
            // the context defines "masterData" while the schema and the standard's examples use "epcisMasterData"
            if (m.getKey().equals("epcisMasterData") || m.getKey().equals("masterData")) {
                JsonObject md = scope.object(m.getValue(), path);
                for (var mdMember : md.members().entrySet()) {
                    if (!mdMember.getKey().equals("vocabularyList")) {
                        throw scope.fail(mdMember.getValue(), path + "." + mdMember.getKey(),
                                "unknown member (expected vocabularyList)");
                    }
                    masterData.addAll(vocabularies(mdMember.getValue(), scope, path + ".vocabularyList"));
                }
                continue;
            }
            QName name = ExtensionDecoder.namespacedName(m.getKey(), m.getValue(), scope, path);
            if (name.equals(SBDH_ROOT)) {
                sbdh = ExtensionDecoder.element(name, scope.object(m.getValue(), path), scope, path);
            } else {
                ExtensionDecoder.addTopLevel(m.getKey(), m.getValue(), scope, path, extensions);
            }
        }
        return new EpcisHeader(sbdh, masterData, extensions);
    }

    static List<Vocabulary> vocabularies(JsonValue value, DecodingScope scope, String path) {
        List<JsonValue> items = scope.array(value, path);
        List<Vocabulary> vocabularies = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String vocabularyPath = path + "[" + i + "]";
            JsonObject object = scope.object(items.get(i), vocabularyPath);
            String type = null;
            List<VocabularyElement> elements = new ArrayList<>();
            List<ExtensionElement> extensions = new ArrayList<>();
            for (var m : object.members().entrySet()) {
                String memberPath = vocabularyPath + "." + m.getKey();
                switch (m.getKey()) {
                    case "type" -> type = scope.string(m.getValue(), memberPath);
                    case "vocabularyElementList" -> {
                        List<JsonValue> elementItems = scope.array(m.getValue(), memberPath);
                        for (int e = 0; e < elementItems.size(); e++) {
                            elements.add(element(elementItems.get(e), scope, memberPath + "[" + e + "]"));
                        }
                    }
                    default -> ExtensionDecoder.addTopLevel(m.getKey(), m.getValue(), scope, memberPath, extensions);
                }
            }
            if (type == null) {
                throw scope.fail(object, vocabularyPath, "required member 'type' is missing");
            }
            vocabularies.add(new Vocabulary(type, elements, extensions));
        }
        return vocabularies;
    }

    private static VocabularyElement element(JsonValue value, DecodingScope scope, String path) {
        JsonObject object = scope.object(value, path);
        String id = scope.string(scope.required(object, "id", path), path + ".id");
        List<VocabularyAttribute> attributes = new ArrayList<>();
        List<String> children = List.of();
        List<ExtensionElement> extensions = new ArrayList<>();
        for (var m : object.members().entrySet()) {
            String memberPath = path + "." + m.getKey();
            switch (m.getKey()) {
                case "id" -> {
                }
                case "attributes" -> {
                    List<JsonValue> items = scope.array(m.getValue(), memberPath);
                    for (int i = 0; i < items.size(); i++) {
                        attribute(items.get(i), scope, memberPath + "[" + i + "]", attributes);
                    }
                }
                case "children" -> children = scope.strings(m.getValue(), memberPath);
                default -> ExtensionDecoder.addTopLevel(m.getKey(), m.getValue(), scope, memberPath, extensions);
            }
        }
        return new VocabularyElement(id, attributes, children, extensions);
    }

    /** A simple value becomes text; an object structured content; an array several attributes of one id. */
    private static void attribute(JsonValue value, DecodingScope scope, String path, List<VocabularyAttribute> out) {
        JsonObject object = scope.object(value, path);
        String id = scope.string(scope.required(object, "id", path), path + ".id");
        for (var m : object.members().entrySet()) {
            if (!m.getKey().equals("id") && !m.getKey().equals("attribute")) {
                throw scope.fail(m.getValue(), path + "." + m.getKey(), "unknown member (expected id, attribute)");
            }
        }
        JsonValue content = object.get("attribute");
        String contentPath = path + ".attribute";
        if (content == null) {
            out.add(new VocabularyAttribute(id, null, List.of()));
        } else if (content instanceof JsonArray array) {
            for (JsonValue item : array.items()) {
                out.add(attributeValue(id, item, scope, contentPath));
            }
        } else {
            out.add(attributeValue(id, content, scope, contentPath));
        }
    }

    private static VocabularyAttribute attributeValue(String id, JsonValue content, DecodingScope scope, String path) {
        if (content instanceof JsonScalar s) {
            return new VocabularyAttribute(id, s.text(), List.of());
        }
        ExtensionElement holder = ExtensionDecoder.element(new QName("attribute"), scope.object(content, path), scope,
                path);
        return new VocabularyAttribute(id, holder.text(), holder.children());
    }
}
