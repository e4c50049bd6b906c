package org.pharmatrace.epcis.jsonld;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.pharmatrace.epcis.cbv.CbvVocabulary;
import org.pharmatrace.epcis.cbv.EpcisNamespaces;
import org.pharmatrace.epcis.io.EpcisFormatException;
import org.pharmatrace.epcis.jsonld.JsonValue.JsonArray;
import org.pharmatrace.epcis.jsonld.JsonValue.JsonObject;
import org.pharmatrace.epcis.jsonld.JsonValue.JsonScalar;

/**
 * The prefixes and terms in scope at one point of a JSON-LD document: the standard EPCIS context (always assumed, it
 * is never fetched) plus what the document's and the event's {@code @context} declare. It answers the two questions
 * the reader has: what namespace does a member name like {@code example:myField} stand for, and what IRI does a
 * compact value like {@code gs1:Temperature} expand to. Immutable; {@link #with} layers a context on top.
 */
final class JsonLdContext {

    /** The prefixes the standard EPCIS context defines (and protects), as the JSON-LD reader and writer rely on them. */
    static final Map<String, String> STANDARD_PREFIXES = standardPrefixes();

    static final JsonLdContext STANDARD = new JsonLdContext(STANDARD_PREFIXES, null, List.of());

    private final Map<String, String> terms;
    private final String vocab;
    private final List<String> remoteContexts;

    private JsonLdContext(Map<String, String> terms, String vocab, List<String> remoteContexts) {
        this.terms = terms;
        this.vocab = vocab;
        this.remoteContexts = remoteContexts;
    }

    private static Map<String, String> standardPrefixes() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("epcis", EpcisNamespaces.EPCIS_TERMS);
        p.put("cbv", CbvVocabulary.WEB_URI_BASE);
        p.put("cbvmda", "urn:epcglobal:cbv:mda:");
        p.put("gs1", EpcisNamespaces.GS1_WEB_VOCABULARY);
        p.put("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        p.put("owl", "http://www.w3.org/2002/07/owl#");
        p.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        p.put("dcterms", "http://purl.org/dc/terms/");
        return Map.copyOf(p);
    }

    /** The IRI base the standard context gives {@code cbvmda}: XML's namespace URI plus a ':' to join local names. */
    static final String CBV_MDA_IRI_BASE = EpcisNamespaces.CBV_MASTER_DATA_ATTRIBUTES + ":";

    /**
     * The XML namespace an IRI base stands for. JSON-LD joins prefix and local name by plain concatenation, so the
     * standard context binds {@code cbvmda} to {@code urn:epcglobal:cbv:mda:}; in XML the namespace is
     * {@code urn:epcglobal:cbv:mda}. The model keeps XML's, so ILMD lot numbers mean the same whatever the syntax.
     */
    static String xmlNamespace(String iriBase) {
        return iriBase.equals(CBV_MDA_IRI_BASE) ? EpcisNamespaces.CBV_MASTER_DATA_ATTRIBUTES : iriBase;
    }

    /** The inverse of {@link #xmlNamespace}: the IRI base to declare in {@code @context} for an XML namespace. */
    static String iriBase(String xmlNamespace) {
        return xmlNamespace.equals(EpcisNamespaces.CBV_MASTER_DATA_ATTRIBUTES) ? CBV_MDA_IRI_BASE : xmlNamespace;
    }

    /** Whether a context URL names the GS1 EPCIS context (any published version or mirror of it). */
    static boolean isStandardContextUrl(String url) {
        String lastSegment = url.substring(url.lastIndexOf('/') + 1);
        return lastSegment.startsWith("epcis-context");
    }

    /**
     * This context with a {@code @context} value applied (URL, object or array of them). Prefix declarations found
     * in it are also put into {@code declared} when that is not {@code null}, so the document keeps its namespaces.
     */
    JsonLdContext with(JsonValue context, Map<String, String> declared) {
        Map<String, String> newTerms = new LinkedHashMap<>(terms);
        List<String> remotes = new ArrayList<>(remoteContexts);
        String[] newVocab = {vocab};
        apply(context, newTerms, newVocab, remotes, declared);
        return new JsonLdContext(newTerms, newVocab[0], List.copyOf(remotes));
    }

    private static void apply(JsonValue context, Map<String, String> terms, String[] vocab, List<String> remotes,
                              Map<String, String> declared) {
        if (context instanceof JsonArray array) {
            for (JsonValue item : array.items()) {
                if (item instanceof JsonArray) {
                    throw badContext(item, "an array may not be nested in an @context array");
                }
                apply(item, terms, vocab, remotes, declared);
            }
        } else if (context instanceof JsonObject object) {
            object.members().forEach((key, definition) -> define(key, definition, terms, vocab, declared));
        } else if (context instanceof JsonScalar scalar && scalar.kind() == JsonScalar.Kind.STRING) {
            if (!isStandardContextUrl(scalar.text()) && !remotes.contains(scalar.text())) {
                remotes.add(scalar.text());
            }
        } else if (!(context instanceof JsonScalar scalar && scalar.kind() == JsonScalar.Kind.NULL)) {
            throw badContext(context, "@context must be a URL, an object or an array of them, found "
                    + context.describe());
        }
    }

    private static void define(String key, JsonValue definition, Map<String, String> terms, String[] vocab,
                               Map<String, String> declared) {
        if (key.equals("@vocab")) {
            vocab[0] = definition instanceof JsonScalar s && s.kind() == JsonScalar.Kind.STRING
                    ? expand(s.text(), terms) : null;
            return;
        }
        if (key.startsWith("@") || key.contains(":")) {
            // @version, @protected, @base...; and CURIE keys, which only coerce types of members
            return;
        }
        String iri = null;
        if (definition instanceof JsonScalar s && s.kind() == JsonScalar.Kind.STRING) {
            iri = s.text();
        } else if (definition instanceof JsonObject o && o.get("@id") instanceof JsonScalar id
                && id.kind() == JsonScalar.Kind.STRING) {
            iri = id.text();
        } else if (definition instanceof JsonScalar s && s.kind() == JsonScalar.Kind.NULL) {
            terms.remove(key);
            return;
        }
        if (iri == null || iri.startsWith("@")) {
            return;
        }
        iri = expand(iri, terms);
        terms.put(key, iri);
        if (declared != null) {
            declared.put(key, iri);
        }
    }

    private static EpcisFormatException badContext(JsonValue at, String problem) {
        return new EpcisFormatException("Invalid @context at line " + at.line() + ", column " + at.column() + ": "
                + problem, -1, "@context", null);
    }

    /** The IRI a prefix stands for here, or {@code null} when nothing declares it. */
    String prefixIri(String prefix) {
        return terms.get(prefix);
    }

    /** Remote contexts the document named that this reader does not fetch (any prefix they define is unknown). */
    List<String> unresolvedRemoteContexts() {
        return remoteContexts;
    }

    /** A compact IRI ({@code prefix:suffix}) with a declared prefix, expanded; any other value unchanged. */
    String expandValue(String value) {
        return expand(value, terms);
    }

    private static String expand(String value, Map<String, String> terms) {
        String prefix = compactIriPrefix(value);
        if (prefix == null) {
            return value;
        }
        String iri = terms.get(prefix);
        return iri == null ? value : iri + value.substring(prefix.length() + 1);
    }

    /**
     * The element name a member name stands for: a compact IRI with a declared prefix, an absolute IRI, or a bare
     * term the context defines. {@code null} when it resolves to nothing (an undeclared prefix or unknown term).
     */
    QName memberName(String key) {
        String prefix = compactIriPrefix(key);
        if (prefix != null) {
            String iri = terms.get(prefix);
            return iri == null ? null : new QName(xmlNamespace(iri), key.substring(prefix.length() + 1), prefix);
        }
        if (key.indexOf(':') > 0) {
            return splitIri(key);
        }
        String iri = terms.get(key);
        if (iri != null && !STANDARD_PREFIXES.containsKey(key)) {
            return splitIri(iri);
        }
        return vocab == null ? null : new QName(vocab, key);
    }

    /**
     * The prefix of a compact IRI ({@code example} in {@code example:myField}), or {@code null} when the text is a
     * bare name or an absolute IRI ({@code https://...}, {@code urn:...}).
     */
    static String compactIriPrefix(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || text.startsWith("//", colon + 1)) {
            return null;
        }
        String prefix = text.substring(0, colon);
        return prefix.equals("urn") || prefix.startsWith("@") ? null : prefix;
    }

    /** An absolute IRI as namespace plus local name, split after its last '#', '/' or ':'. */
    static QName splitIri(String iri) {
        int cut = Math.max(iri.lastIndexOf('#'), Math.max(iri.lastIndexOf('/'), iri.lastIndexOf(':')));
        if (cut < 0 || cut == iri.length() - 1) {
            return null;
        }
        return new QName(xmlNamespace(iri.substring(0, cut + 1)), iri.substring(cut + 1));
    }
}
