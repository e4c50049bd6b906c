package org.pharmatrace.epcis.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pharmatrace.epcis.cbv.CbvVocabulary;
import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;
import org.xmlunit.diff.Comparison;
import org.xmlunit.diff.ComparisonResult;
import org.xmlunit.diff.ComparisonType;
import org.xmlunit.diff.DefaultNodeMatcher;
import org.xmlunit.diff.Diff;
import org.xmlunit.diff.Difference;
import org.xmlunit.diff.DifferenceEvaluator;
import org.xmlunit.diff.DifferenceEvaluators;
import org.xmlunit.diff.ElementSelectors;
import org.xmlunit.diff.NodeFilters;

/**
 * "Similar" for EPCIS XML round trips, with XMLUnit: whitespace, comments and namespace prefixes do not count, and
 * neither does the spelling of a CBV term (the model stores URNs, so a GS1 Web URI or bare name comes back as its
 * URN) or of an IRI (the model stores full IRIs: a compact IRI whose prefix the written root does not declare comes
 * back whole, and a full IRI the written root has a prefix for comes back compact). An empty list ({@code <epcList/>}) is the same as no list and a nil quantity the same as none, as EPCIS
 * defines them and as the model keeps them. Element order counts, except inside elements whose XSD content is an
 * unordered choice.
 */
final class EpcisXmlSimilarity {

    /** XSD content models that are unordered: 2.0 errorDeclaration is a repeated xsd:choice. */
    private static final Set<String> UNORDERED = Set.of("errorDeclaration");
    private static final Set<String> LISTS = Set.of("epcList", "childEPCs", "inputEPCList", "outputEPCList",
            "quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList", "bizTransactionList",
            "sourceList", "destinationList", "correctiveEventIDs", "children");

    private EpcisXmlSimilarity() {
    }

    /** The differences that make output not similar to the input, described; empty when similar. */
    static List<String> differences(Object expected, byte[] actual) {
        Diff diff = DiffBuilder.compare(Input.from(expected))
                .withTest(Input.fromByteArray(actual))
                .ignoreWhitespace()
                .ignoreComments()
                .withNodeMatcher(new DefaultNodeMatcher(ElementSelectors.byName))
                .withNodeFilter(node -> NodeFilters.Default.test(node) && !isEmptyList(node) && !isNil(node))
                .withDifferenceEvaluator(DifferenceEvaluators.chain(DifferenceEvaluators.Default, EpcisXmlSimilarity::epcisEquivalence))
                .checkForSimilar()
                .build();
        List<String> differences = new ArrayList<>();
        for (Difference d : diff.getDifferences()) {
            differences.add(d.getComparison().toString());
        }
        return differences;
    }

    private static ComparisonResult epcisEquivalence(Comparison comparison, ComparisonResult outcome) {
        if (outcome == ComparisonResult.EQUAL) {
            return outcome;
        }
        ComparisonType type = comparison.getType();
        if (type == ComparisonType.CHILD_NODELIST_SEQUENCE) {
            Node parent = comparison.getControlDetails().getTarget() == null ? null
                    : comparison.getControlDetails().getTarget().getParentNode();
            return parent != null && UNORDERED.contains(parent.getLocalName())
                    ? ComparisonResult.SIMILAR : ComparisonResult.DIFFERENT;
        }
        if (type == ComparisonType.TEXT_VALUE || type == ComparisonType.ATTR_VALUE) {
            Object control = comparison.getControlDetails().getValue();
            Object test = comparison.getTestDetails().getValue();
            if (control instanceof String c && test instanceof String t
                    && sameTerm(iri(c.strip(), comparison.getControlDetails().getTarget()),
                    iri(t.strip(), comparison.getTestDetails().getTarget()))) {
                return ComparisonResult.SIMILAR;
            }
        }
        return outcome;
    }

    private static boolean isEmptyList(Node node) {
        if (!(node instanceof Element element) || element.getNamespaceURI() != null || !LISTS.contains(element.getLocalName())) {
            return false;
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNil(Node node) {
        return node instanceof Element element
                && "true".equals(element.getAttributeNS(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "nil"));
    }

    /** The full IRI a compact one stands for at its node, as the reader expands it; other text unchanged. */
    private static String iri(String text, Node node) {
        int colon = text.indexOf(':');
        Node element = node instanceof Attr attr ? attr.getOwnerElement() : node == null ? null : node.getParentNode();
        if (colon <= 0 || element == null) {
            return CompactIris.expand(text, Map.of());
        }
        String prefix = text.substring(0, colon);
        String namespace = element.lookupNamespaceURI(prefix);
        return CompactIris.expand(text, namespace == null ? Map.of() : Map.of(prefix, namespace));
    }

    private static boolean sameTerm(String control, String test) {
        if (control.equals(test)) {
            return true;
        }
        for (CbvVocabulary vocabulary : CbvVocabulary.values()) {
            String name = vocabulary.bareName(control);
            if (name != null && name.equals(vocabulary.bareName(test))) {
                return true;
            }
        }
        return false;
    }
}
