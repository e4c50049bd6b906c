package org.pharmatrace.epcis.xml;

import jakarta.xml.bind.ValidationEventHandler;
import jakarta.xml.bind.annotation.DomHandler;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.sax.SAXResult;
import javax.xml.transform.sax.SAXSource;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * How JAXB reads the content of {@code xsd:any} wildcards in this module: straight into the model's
 * {@link ExtensionElement} trees from SAX events, instead of DOM elements. JAXB's default DOM handling builds a new
 * DocumentBuilder per element, which cost half the reading time of an event with one user extension. Installed on
 * the generated types by {@link WildcardAnnotations}.
 */
public final class ExtensionTreeHandler implements DomHandler<Object, SAXResult> {

    @Override
    public SAXResult createUnmarshaller(ValidationEventHandler errorHandler) {
        return new SAXResult(new ExtensionTreeBuilder());
    }

    @Override
    public Object getElement(SAXResult result) {
        return ((ExtensionTreeBuilder) result.getHandler()).tree();
    }

    /** JAXB only hands DOM elements here (it marshals no other unknown class into a wildcard); trees also work. */
    @Override
    public Source marshal(Object element, ValidationEventHandler errorHandler) {
        if (element instanceof Element dom) {
            return new DOMSource(dom);
        }
        return new SAXSource(new ExtensionTreeReplay((ExtensionElement) element), new InputSource());
    }
}
