package org.pharmatrace.epcis.jsonld;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.xml.namespace.QName;
import org.pharmatrace.epcis.cbv.EpcisNamespaces;

/**
 * The prefixes in scope while writing: the standard context's, the document's, and those one event must declare
 * in its own {@code @context} because the writer met their namespace only in that event (it streams, so the
 * document's {@code @context} is long written by then).
 */
final class PrefixScope {

    /** XML infrastructure namespaces: an XML source declares them, JSON-LD has no use for them. */
    private static final Set<String> XML_ONLY_NAMESPACES = Set.of(EpcisNamespaces.EPCIS_2_0,
            EpcisNamespaces.EPCIS_1_2, EpcisNamespaces.EPCIS_QUERY_2_0, EpcisNamespaces.EPCIS_QUERY_1_2,
            EpcisNamespaces.EPCIS_MASTER_DATA_2_0, EpcisNamespaces.EPCIS_MASTER_DATA_1_2);

    /** The standard context's aliases of JSON-LD keywords: redefining them as prefixes would break the document. */
    private static final Set<String> RESERVED = Set.of("id", "type", "baseURL");

    private final PrefixScope parent;
    /** A sealed scope declares nothing: names in other namespaces are written as full IRIs. */
    private final boolean sealed;
    private final Map<String, String> namespaceByPrefix = new LinkedHashMap<>();
    private final Map<String, String> prefixByNamespace = new LinkedHashMap<>();

    private PrefixScope(PrefixScope parent) {
        this(parent, false);
    }

    private PrefixScope(PrefixScope parent, boolean sealed) {
        this.parent = parent;
        this.sealed = sealed;
    }

    /** The scope of a document: the standard prefixes plus those of the document's namespaces JSON-LD can use. */
    static PrefixScope forDocument(Map<String, String> documentNamespaces) {
        PrefixScope standard = new PrefixScope(null);
        JsonLdContext.STANDARD_PREFIXES.forEach(standard::bind);
        PrefixScope document = new PrefixScope(standard);
        documentNamespaces.forEach((prefix, xmlNamespace) -> {
            String namespace = JsonLdContext.iriBase(xmlNamespace);
            boolean sbdhUnderOtherPrefix = namespace.equals(EpcisNamespaces.SBDH) && !prefix.equals("sbdh");
            if (isUsablePrefix(prefix) && !XML_ONLY_NAMESPACES.contains(namespace) && !sbdhUnderOtherPrefix
                    && document.namespaceOf(prefix) == null) {
                document.bind(prefix, namespace);
            } else if (namespace.equals(JsonLdContext.STANDARD_PREFIXES.get(prefix))) {
                // the same binding as the standard context's: keep it, declaring it again is allowed
                document.namespaceByPrefix.put(prefix, namespace);
            }
        });
        return document;
    }

    /** A scope for one event, inheriting everything in this one. */
    PrefixScope child() {
        return new PrefixScope(this);
    }

    /** A scope that can no longer declare prefixes (its {@code @context} is written). */
    PrefixScope sealed() {
        return new PrefixScope(this, true);
    }

    /** The prefixes this scope itself declares (for its {@code @context} object), in declaration order. */
    Map<String, String> declared() {
        return namespaceByPrefix;
    }

    /** The member name for an element or attribute name, declaring a prefix for its namespace here if needed. */
    String memberName(QName name) {
        String namespace = JsonLdContext.iriBase(name.getNamespaceURI());
        if (namespace.isEmpty()) {
            return name.getLocalPart();
        }
        String prefix = prefixOf(namespace);
        if (prefix == null && sealed) {
            return namespace + name.getLocalPart();
        }
        if (prefix == null) {
            prefix = freePrefix(name.getPrefix().isEmpty() ? "ns" : name.getPrefix());
            bind(prefix, namespace);
        }
        return prefix + ":" + name.getLocalPart();
    }

    private void bind(String prefix, String namespace) {
        namespaceByPrefix.put(prefix, namespace);
        prefixByNamespace.putIfAbsent(namespace, prefix);
    }

    private String prefixOf(String namespace) {
        for (PrefixScope s = this; s != null; s = s.parent) {
            String prefix = s.prefixByNamespace.get(namespace);
            if (prefix != null) {
                return prefix;
            }
        }
        return null;
    }

    private String namespaceOf(String prefix) {
        for (PrefixScope s = this; s != null; s = s.parent) {
            String namespace = s.namespaceByPrefix.get(prefix);
            if (namespace != null) {
                return namespace;
            }
        }
        return null;
    }

    private String freePrefix(String hint) {
        String base = isUsablePrefix(hint) ? hint : "ns";
        if (namespaceOf(base) == null && !base.equals("ns")) {
            return base;
        }
        for (int n = 1; ; n++) {
            if (namespaceOf(base + n) == null) {
                return base + n;
            }
        }
    }

    private static boolean isUsablePrefix(String prefix) {
        return !prefix.isEmpty() && !prefix.startsWith("@") && prefix.indexOf(':') < 0 && !RESERVED.contains(prefix)
                && !prefix.equals("urn") && !prefix.equals("http") && !prefix.equals("https");
    }
}
