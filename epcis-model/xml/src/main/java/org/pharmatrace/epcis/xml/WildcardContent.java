package org.pharmatrace.epcis.xml;

import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.transform.sax.SAXResult;
import javax.xml.transform.sax.SAXSource;
import org.pharmatrace.epcis.io.EpcisFormatException;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.xml.sax.InputSource;

/**
 * The content of {@code xsd:any} wildcards. JAXB gives it as extension trees ({@link ExtensionTreeHandler}), or as
 * bound objects when an element happens to match a known global element; both become extension trees. For writing,
 * JAXB takes DOM elements ({@link ExtensionDom}). One instance per reader or writer.
 */
final class WildcardContent {

    private final ExtensionDom dom;
    private Marshaller marshaller;
    private Unmarshaller unmarshaller;

    /** @param rootNamespaces prefix to URI bindings declared on the document element being written */
    WildcardContent(Map<String, String> rootNamespaces) {
        this.dom = new ExtensionDom(rootNamespaces);
    }

    List<ExtensionElement> toTrees(List<Object> any) {
        if (any == null || any.isEmpty()) {
            return List.of();
        }
        List<ExtensionElement> trees = new ArrayList<>(any.size());
        for (Object item : any) {
            trees.add(toTree(item));
        }
        return trees;
    }

    ExtensionElement toTree(Object item) {
        if (item instanceof ExtensionElement tree) {
            return tree;
        }
        return marshalToTree(item);
    }

    /** A wildcard element given to a wrapper's content: its children become the wrapper's children. */
    ExtensionElement wrapper(String wrapperName, Map<QName, String> attributes, List<Object> any) {
        return ExtensionSlots.wrapper(wrapperName, attributes, toTrees(any));
    }

    List<Object> toAny(List<ExtensionElement> trees) {
        List<Object> any = new ArrayList<>(trees.size());
        for (ExtensionElement tree : trees) {
            any.add(toAny(tree));
        }
        return any;
    }

    Object toAny(ExtensionElement tree) {
        return dom.toDom(tree);
    }

    /** Binds a wildcard element to a generated type, e.g. a 1.2 sensorElementList found in an extension wrapper. */
    <T> T bind(Object item, Class<T> type) {
        ExtensionElement tree = toTree(item);
        try {
            if (unmarshaller == null) {
                unmarshaller = EpcisJaxb.newUnmarshaller();
            }
            return unmarshaller.unmarshal(new SAXSource(new ExtensionTreeReplay(tree), new InputSource()), type)
                    .getValue();
        } catch (JAXBException e) {
            throw new EpcisFormatException("Cannot read <" + tree.name().getLocalPart() + ">: " + JaxbErrors.describe(e), e);
        }
    }

    private ExtensionElement marshalToTree(Object item) {
        try {
            if (marshaller == null) {
                marshaller = EpcisJaxb.newFragmentMarshaller();
            }
            ExtensionTreeBuilder builder = new ExtensionTreeBuilder();
            marshaller.marshal(item, new SAXResult(builder));
            return builder.tree();
        } catch (JAXBException e) {
            throw new EpcisFormatException("Cannot keep extension element " + item + ": " + JaxbErrors.describe(e), e);
        }
    }
}
