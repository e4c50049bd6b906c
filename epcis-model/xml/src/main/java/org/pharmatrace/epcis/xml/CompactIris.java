package org.pharmatrace.epcis.xml;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.pharmatrace.epcis.cbv.CbvVocabulary;
import org.pharmatrace.epcis.cbv.EpcisNamespaces;

/**
 * Compact IRIs (CURIEs such as {@code gs1:Temperature} or {@code cbv:Comp-latitude}) in the IRI-valued fields of
 * EPCIS XML. The model keeps full IRIs there, as the JSON-LD reader does, so that an XML document and its JSON-LD
 * twin give the same events: the reader expands CURIEs, the writer compacts IRIs back to the text XML documents use.
 *
 * <p>{@code gs1} and {@code cbv} always mean the GS1 Web Vocabulary and the CBV: EPCIS fixes these prefixes, and
 * documents in the wild bind them to wrong addresses or not at all. Any other prefix means what an in-scope
 * {@code xmlns} declaration binds it to; {@code urn:}, {@code http:} and {@code https:} values are absolute IRIs, and
 * a value whose prefix nothing declares is kept as written.
 *
 * <p>An instance compacts for one written document, with the prefixes declared on its root.
 */
final class CompactIris {

    static final String GS1_PREFIX = "gs1";
    static final String CBV_PREFIX = "cbv";

    private static final Map<String, String> FIXED = Map.of(
            GS1_PREFIX, EpcisNamespaces.GS1_WEB_VOCABULARY, CBV_PREFIX, CbvVocabulary.WEB_URI_BASE);
    /** Schemes an IRI field holds absolute IRIs in, even should a document declare a prefix of that name. */
    private static final Set<String> SCHEMES = Set.of("urn", "http", "https");
    /**
     * What may follow the prefix in a CURIE the writer makes: a name-like reference. An IRI that would need more
     * (a path, a fragment, a query) stays whole, as it is most likely written whole in the source too.
     */
    private static final Pattern REFERENCE = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}_.:\\-]*");

    /** Namespace to the prefix that compacts it. */
    private final Map<String, String> prefixes = new HashMap<>();

    /**
     * @param declared the prefix to namespace bindings on the written document's root; a namespace bound to more
     *                 than one prefix compacts with the first one
     */
    CompactIris(Map<String, String> declared) {
        declared.forEach((prefix, namespace) -> {
            if (isUsable(prefix, namespace)) {
                prefixes.putIfAbsent(namespace, prefix);
            }
        });
        // The fixed meaning holds whatever the root binds gs1 and cbv to, so they compact even when taken.
        FIXED.forEach((prefix, namespace) -> prefixes.putIfAbsent(namespace, prefix));
    }

    private static boolean isUsable(String prefix, String namespace) {
        if (prefix.isEmpty() || namespace.isEmpty() || SCHEMES.contains(prefix)) {
            return false;
        }
        // gs1 or cbv bound elsewhere would read back as the GS1 Web Vocabulary or the CBV: not usable for that place.
        String fixed = FIXED.get(prefix);
        return fixed == null || fixed.equals(namespace);
    }

    /**
     * The model's spelling of an IRI-valued field: a CURIE expanded with the fixed or in-scope prefixes; anything
     * else (absolute IRI, URN, undeclared prefix, plain name) unchanged.
     *
     * @param inScope prefix to namespace bindings in scope where the value stands
     */
    static String expand(String value, Map<String, String> inScope) {
        int colon = value.indexOf(':');
        if (colon <= 0 || value.startsWith("//", colon + 1)) {
            return value;
        }
        String prefix = value.substring(0, colon);
        if (SCHEMES.contains(prefix)) {
            return value;
        }
        String namespace = FIXED.getOrDefault(prefix, inScope.get(prefix));
        return namespace == null || namespace.isEmpty() ? value : namespace + value.substring(colon + 1);
    }

    /**
     * XML's spelling of a model IRI: a web IRI in the GS1 Web Vocabulary, the CBV or a namespace declared on the
     * root, as a CURIE with that namespace's prefix (the longest namespace that leaves a name-like reference wins);
     * anything else unchanged. {@link #expand} gives the IRI back.
     */
    String compact(String iri) {
        if (iri == null || !(iri.startsWith("https://") || iri.startsWith("http://"))) {
            return iri;
        }
        String best = null;
        int bestLength = 0;
        for (Map.Entry<String, String> binding : prefixes.entrySet()) {
            String namespace = binding.getKey();
            if (namespace.length() > bestLength && iri.startsWith(namespace)
                    && REFERENCE.matcher(iri).region(namespace.length(), iri.length()).matches()) {
                best = binding.getValue() + ":" + iri.substring(namespace.length());
                bestLength = namespace.length();
            }
        }
        return best != null ? best : iri;
    }
}
