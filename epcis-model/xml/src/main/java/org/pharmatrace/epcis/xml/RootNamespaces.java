package org.pharmatrace.epcis.xml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glassfish.jaxb.runtime.marshaller.NamespacePrefixMapper;
import org.pharmatrace.epcis.cbv.CbvVocabulary;
import org.pharmatrace.epcis.cbv.EpcisNamespaces;

/**
 * The namespaces declared on the document element of a written document: the EPCIS namespace under {@code epcis}
 * (or {@code epcisq} for query documents), {@code sbdh}, {@code cbvmda}, the source document's own prefixes, and
 * {@code gs1} and {@code cbv} for the compact IRIs of sensor data and custom vocabulary ({@link CompactIris}) unless
 * the source uses these prefixes or namespaces otherwise.
 * JAXB marshals each event as a fragment, so it is told about these bindings (and not to repeat them) and prefers
 * these prefixes for the namespaces it declares itself.
 */
final class RootNamespaces extends NamespacePrefixMapper {

    private static final List<String> EPCIS_OWN = List.of(EpcisNamespaces.EPCIS_2_0, EpcisNamespaces.EPCIS_1_2,
            EpcisNamespaces.EPCIS_QUERY_2_0, EpcisNamespaces.EPCIS_QUERY_1_2, EpcisNamespaces.EPCIS_MASTER_DATA_2_0,
            EpcisNamespaces.EPCIS_MASTER_DATA_1_2);

    private final Map<String, String> prefixToUri = new LinkedHashMap<>();
    private final Map<String, String> uriToPrefix = new HashMap<>();

    /**
     * @param rootPrefix {@code epcis} or {@code epcisq}
     * @param rootNamespace the namespace of the document element
     * @param sourceNamespaces the prefixes the source document declared on its root
     */
    RootNamespaces(String rootPrefix, String rootNamespace, Map<String, String> sourceNamespaces) {
        bind(rootPrefix, rootNamespace);
        // Always bound: JAXB would otherwise declare it on every event, the header's type referring to it.
        bind("sbdh", EpcisNamespaces.SBDH);
        bind("cbvmda", EpcisNamespaces.CBV_MASTER_DATA_ATTRIBUTES);
        for (Map.Entry<String, String> ns : sourceNamespaces.entrySet()) {
            // The default namespace would capture EPCIS's unqualified elements; EPCIS namespaces of either version
            // are the writer's own business.
            if (!ns.getKey().isEmpty() && !ns.getValue().isEmpty() && !EPCIS_OWN.contains(ns.getValue())) {
                bind(ns.getKey(), ns.getValue());
            }
        }
        bind(CompactIris.GS1_PREFIX, EpcisNamespaces.GS1_WEB_VOCABULARY);
        bind(CompactIris.CBV_PREFIX, CbvVocabulary.WEB_URI_BASE);
    }

    private void bind(String prefix, String uri) {
        if (!prefixToUri.containsKey(prefix) && !uriToPrefix.containsKey(uri)) {
            prefixToUri.put(prefix, uri);
            uriToPrefix.put(uri, prefix);
        }
    }

    Map<String, String> bindings() {
        return Collections.unmodifiableMap(prefixToUri);
    }

    @Override
    public String getPreferredPrefix(String namespaceUri, String suggestion, boolean requirePrefix) {
        String prefix = uriToPrefix.get(namespaceUri);
        return prefix != null ? prefix : suggestion;
    }

    @Override
    public String[] getContextualNamespaceDecls() {
        List<String> decls = new ArrayList<>(prefixToUri.size() * 2);
        prefixToUri.forEach((prefix, uri) -> {
            decls.add(prefix);
            decls.add(uri);
        });
        return decls.toArray(new String[0]);
    }
}
