package org.pharmatrace.epcis.jsonld;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.pharmatrace.epcis.model.EpcisHeader;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.epcis.model.Vocabulary;
import org.pharmatrace.epcis.model.VocabularyAttribute;
import org.pharmatrace.epcis.model.VocabularyElement;

/** Writes {@code epcisHeader}: the SBDH as an IRI-named member, master data as {@code epcisMasterData}. */
final class HeaderEncoder {

    private HeaderEncoder() {
    }

    /** Declares the prefixes the header will need; they go into the document's {@code @context}. */
    static void declareNamespaces(EpcisHeader header, PrefixScope scope) {
        if (header.standardBusinessDocumentHeader() != null) {
            scope.memberName(HeaderDecoder.SBDH_ROOT); // binds "sbdh", whatever prefix the XML source used
            ExtensionEncoder.declareNamespaces(List.of(header.standardBusinessDocumentHeader()), scope);
        }
        for (Vocabulary vocabulary : header.masterData()) {
            ExtensionEncoder.declareNamespaces(vocabulary.extensions(), scope);
            for (VocabularyElement element : vocabulary.elements()) {
                ExtensionEncoder.declareNamespaces(element.extensions(), scope);
                for (VocabularyAttribute attribute : element.attributes()) {
                    ExtensionEncoder.declareNamespaces(attribute.value(), scope);
                }
            }
        }
        ExtensionEncoder.declareNamespaces(header.extensions(), scope);
    }

    static void write(EpcisHeader header, JsonGenerator out, PrefixScope scope) throws IOException {
        out.writeObjectFieldStart("epcisHeader");
        ExtensionElement sbdh = header.standardBusinessDocumentHeader();
        if (sbdh != null) {
            out.writeFieldName(scope.memberName(sbdh.name()));
            out.writeStartObject();
            ExtensionEncoder.writeContent(sbdh.attributes(), sbdh.text(), sbdh.children(), out, scope);
            out.writeEndObject();
        }
        if (!header.masterData().isEmpty()) {
            out.writeObjectFieldStart("epcisMasterData");
            writeVocabularies(header.masterData(), out, scope);
            out.writeEndObject();
        }
        ExtensionEncoder.writeMembers(header.extensions(), out, scope);
        out.writeEndObject();
    }

    static void writeVocabularies(List<Vocabulary> vocabularies, JsonGenerator out, PrefixScope scope)
            throws IOException {
        out.writeArrayFieldStart("vocabularyList");
        for (Vocabulary vocabulary : vocabularies) {
            out.writeStartObject();
            out.writeStringField("type", vocabulary.type());
            if (!vocabulary.elements().isEmpty()) {
                out.writeArrayFieldStart("vocabularyElementList");
                for (VocabularyElement element : vocabulary.elements()) {
                    writeElement(element, out, scope);
                }
                out.writeEndArray();
            }
            ExtensionEncoder.writeMembers(vocabulary.extensions(), out, scope);
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private static void writeElement(VocabularyElement element, JsonGenerator out, PrefixScope scope)
            throws IOException {
        out.writeStartObject();
        out.writeStringField("id", element.id());
        if (!element.attributes().isEmpty()) {
            out.writeArrayFieldStart("attributes");
            for (VocabularyAttribute attribute : element.attributes()) {
                out.writeStartObject();
                out.writeStringField("id", attribute.id());
                if (!attribute.value().isEmpty()) {
                    out.writeObjectFieldStart("attribute");
                    ExtensionEncoder.writeContent(Map.of(), attribute.text(), attribute.value(), out, scope);
                    out.writeEndObject();
                } else if (attribute.text() != null) {
                    out.writeStringField("attribute", attribute.text());
                }
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        if (!element.children().isEmpty()) {
            out.writeArrayFieldStart("children");
            for (String child : element.children()) {
                out.writeString(child);
            }
            out.writeEndArray();
        }
        ExtensionEncoder.writeMembers(element.extensions(), out, scope);
        out.writeEndObject();
    }
}
