package org.pharmatrace.hub.attachments;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The references an EPCIS document makes to files sent with it in a multipart capture: every value that is
 * {@code attachment:<part-name>} as a whole — a JSON string, the text of an XML element, an XML attribute — wherever
 * it stands: certificationInfo above all, but also a sensor report's URIs, ILMD or a user extension. Linking
 * replaces each one by the URI its part was stored under, in the document's own bytes: nothing else changes, so the
 * stored original is the partner's document with its references resolved.
 *
 * <p>A document that cannot be parsed is left as it is: validation then says what is wrong with it.
 */
final class AttachmentReferences {

    static final String SCHEME = "attachment:";

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final XMLInputFactory XML = xmlInputFactory();

    private AttachmentReferences() {
    }

    /**
     * @param document the document as sent
     * @param referenced named parts in the document
     * @param unknown references (as written) to no part given
     */
    record Linked(byte[] document, Set<String> referenced, Set<String> unknown) {
    }

    /** @param uris the URI each part was stored under, by part name */
    static Linked link(byte[] document, Map<String, String> uris) {
        return switch (firstSignificant(document)) {
            case '{', '[' -> json(document, uris);
            case '<' -> xml(document, uris);
            default -> new Linked(document, Set.of(), Set.of());
        };
    }

    private static Linked json(byte[] document, Map<String, String> uris) {
        References found = new References(uris);
        try (JsonParser parser = JSON.createParser(document)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING && parser.getText().startsWith(SCHEME)) {
                    String uri = found.resolve(parser.getText());
                    if (uri != null) {
                        int start = (int) parser.currentTokenLocation().getByteOffset();
                        String quoted = '"' + new String(JsonStringEncoder.getInstance().quoteAsString(uri)) + '"';
                        found.splices.add(new Splice(start, endOfJsonString(document, start), quoted));
                    }
                }
            }
        } catch (JsonProcessingException e) {
            return new Linked(document, Set.of(), Set.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] linked = document;
        found.splices.sort(Comparator.comparingInt(Splice::start));
        if (!found.splices.isEmpty()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(document.length + 64 * found.splices.size());
            int at = 0;
            for (Splice splice : found.splices) {
                out.write(document, at, splice.start - at);
                out.writeBytes(splice.replacement.getBytes(StandardCharsets.UTF_8));
                at = splice.end;
            }
            out.write(document, at, document.length - at);
            linked = out.toByteArray();
        }
        return new Linked(linked, found.referenced, found.unknown);
    }

    /** Where the JSON string that opens at {@code start} (its quote) ends: just after its closing quote. */
    private static int endOfJsonString(byte[] document, int start) {
        if (document[start] != '"') {
            throw new IllegalStateException("the JSON parser placed a string at byte " + start + ", which is no quote");
        }
        for (int i = start + 1; i < document.length; i++) {
            if (document[i] == '\\') {
                i++;
            } else if (document[i] == '"') {
                return i + 1;
            }
        }
        throw new IllegalStateException("unterminated JSON string at byte " + start);
    }

    /**
     * XML is parsed from its text (decoded as the document declares), so that the parser's character offsets are
     * positions in that text; the linked text is encoded back the same way.
     */
    private static Linked xml(byte[] document, Map<String, String> uris) {
        References found = new References(uris);
        String text;
        Charset charset;
        try {
            charset = xmlCharset(document);
            text = new String(document, charset);
            int bom = text.startsWith("\uFEFF") ? 1 : 0;
            XMLStreamReader reader = XML.createXMLStreamReader(new StringReader(text.substring(bom)));
            int textStart = -1;
            StringBuilder textValue = new StringBuilder();
            while (reader.hasNext()) {
                int event = reader.next();
                int position = (int) reader.getLocation().getCharacterOffset() + bom;
                boolean inText = event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE || event == XMLStreamConstants.COMMENT
                        || event == XMLStreamConstants.PROCESSING_INSTRUCTION;
                if (!inText && textStart >= 0) {
                    // An element's text (comments inside it included) ends where the next element starts or ends.
                    linkText(found, text, textStart, position, textValue.toString());
                    textStart = -1;
                    textValue.setLength(0);
                }
                if (inText) {
                    if (textStart < 0) {
                        textStart = position;
                    }
                    if (event != XMLStreamConstants.COMMENT && event != XMLStreamConstants.PROCESSING_INSTRUCTION) {
                        textValue.append(reader.getText());
                    }
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    linkAttributes(found, reader, text, position);
                }
            }
            reader.close();
        } catch (XMLStreamException | IllegalArgumentException e) {
            return new Linked(document, Set.of(), Set.of());
        }
        if (found.splices.isEmpty()) {
            return new Linked(document, found.referenced, found.unknown);
        }
        found.splices.sort(Comparator.comparingInt(Splice::start));
        StringBuilder linked = new StringBuilder(text.length() + 64 * found.splices.size());
        int at = 0;
        for (Splice splice : found.splices) {
            linked.append(text, at, splice.start).append(splice.replacement);
            at = splice.end;
        }
        linked.append(text, at, text.length());
        return new Linked(linked.toString().getBytes(charset), found.referenced, found.unknown);
    }

    private static void linkText(References found, String text, int start, int end, String value) {
        String stripped = value.strip();
        if (!stripped.startsWith(SCHEME)) {
            return;
        }
        String uri = found.resolve(stripped);
        if (uri != null) {
            int leading = value.indexOf(stripped);
            String replacement = value.substring(0, leading) + uri + value.substring(leading + stripped.length());
            found.splices.add(new Splice(start, end, escapeXml(replacement)));
        }
    }

    /** Attribute values as written in the start tag at {@code tagStart}, matched to the parser's by name. */
    private static void linkAttributes(References found, XMLStreamReader reader, String text, int tagStart) {
        List<RawAttribute> raw = null;
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String value = reader.getAttributeValue(i).strip();
            if (!value.startsWith(SCHEME)) {
                continue;
            }
            String uri = found.resolve(value);
            if (uri == null) {
                continue;
            }
            if (raw == null) {
                raw = rawAttributes(text, tagStart);
            }
            String prefix = reader.getAttributePrefix(i);
            String name = (prefix == null || prefix.isEmpty() ? "" : prefix + ":") + reader.getAttributeLocalName(i);
            RawAttribute attribute = raw.stream().filter(a -> a.name.equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("attribute " + name + " not found in its start tag"));
            found.splices.add(new Splice(attribute.valueStart, attribute.valueEnd, escapeXml(uri)));
        }
    }

    private record RawAttribute(String name, int valueStart, int valueEnd) {
    }

    /** The attributes of the start tag that opens at {@code tagStart} ('<'), with where their values stand. */
    private static List<RawAttribute> rawAttributes(String text, int tagStart) {
        List<RawAttribute> attributes = new ArrayList<>();
        int i = tagStart + 1;
        while (i < text.length() && !isXmlSpace(text.charAt(i)) && text.charAt(i) != '>' && text.charAt(i) != '/') {
            i++; // the element name
        }
        while (i < text.length()) {
            while (isXmlSpace(text.charAt(i))) {
                i++;
            }
            char c = text.charAt(i);
            if (c == '>' || c == '/') {
                return attributes;
            }
            int nameStart = i;
            while (text.charAt(i) != '=' && !isXmlSpace(text.charAt(i))) {
                i++;
            }
            String name = text.substring(nameStart, i);
            while (text.charAt(i) != '"' && text.charAt(i) != '\'') {
                i++; // spaces, '=', spaces
            }
            char quote = text.charAt(i);
            int valueStart = i + 1;
            int valueEnd = text.indexOf(quote, valueStart);
            attributes.add(new RawAttribute(name, valueStart, valueEnd));
            i = valueEnd + 1;
        }
        return attributes;
    }

    private static boolean isXmlSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static String escapeXml(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;").replace("'", "&apos;");
    }

    /** The encoding the document declares (or its byte order mark shows); UTF-8 when it says nothing. */
    private static Charset xmlCharset(byte[] document) throws XMLStreamException {
        XMLStreamReader prolog = XML.createXMLStreamReader(new ByteArrayInputStream(document));
        try {
            String encoding = prolog.getEncoding();
            return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        } finally {
            prolog.close();
        }
    }

    private static int firstSignificant(byte[] document) {
        if (document.length >= 2 && ((document[0] & 0xff) == 0xFE && (document[1] & 0xff) == 0xFF
                || (document[0] & 0xff) == 0xFF && (document[1] & 0xff) == 0xFE)) {
            return '<'; // UTF-16: XML (JSON is UTF-8)
        }
        int i = 0;
        if (document.length >= 3 && (document[0] & 0xff) == 0xEF && (document[1] & 0xff) == 0xBB
                && (document[2] & 0xff) == 0xBF) {
            i = 3;
        }
        for (; i < document.length; i++) {
            byte b = document[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b;
            }
        }
        return -1;
    }

    /** Hardened as the EPCIS readers are: no DTD, no external entities. Coalescing: one text per element. */
    private static XMLInputFactory xmlInputFactory() {
        WstxInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 1L);
        factory.setProperty(WstxInputProperties.P_MAX_ENTITY_DEPTH, 1);
        return factory;
    }

    private record Splice(int start, int end, String replacement) {
    }

    /** What one document refers to, resolved against the parts that came with it. */
    private static final class References {

        final Map<String, String> uris;
        final Set<String> referenced = new LinkedHashSet<>();
        final Set<String> unknown = new LinkedHashSet<>();
        final List<Splice> splices = new ArrayList<>();

        References(Map<String, String> uris) {
            this.uris = uris;
        }

        /** The URI of the part a reference names, or null (noted as unknown) when no such part was sent. */
        String resolve(String reference) {
            String part = reference.substring(SCHEME.length());
            String uri = uris.get(part);
            if (uri == null) {
                unknown.add(reference);
            } else {
                referenced.add(part);
            }
            return uri;
        }
    }
}
