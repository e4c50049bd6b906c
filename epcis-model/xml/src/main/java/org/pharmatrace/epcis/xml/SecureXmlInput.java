package org.pharmatrace.epcis.xml;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import javax.xml.stream.XMLInputFactory;

/**
 * Woodstox input factories hardened for documents from outside: no DTD processing, no external entities, and the
 * size limits of {@link XmlReadLimits}. A DOCTYPE still surfaces as a DTD event, which the reader refuses.
 */
final class SecureXmlInput {

    private static final XMLInputFactory DEFAULT = create(XmlReadLimits.DEFAULT);

    private SecureXmlInput() {
    }

    /** A configured factory is thread-safe; the default one is shared. */
    static XMLInputFactory factory(XmlReadLimits limits) {
        return limits.equals(XmlReadLimits.DEFAULT) ? DEFAULT : create(limits);
    }

    private static XMLInputFactory create(XmlReadLimits limits) {
        WstxInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        // Entities can only come from a DTD, which is refused; these are a second line of defence.
        factory.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 1L);
        factory.setProperty(WstxInputProperties.P_MAX_ENTITY_DEPTH, 1);
        factory.setProperty(WstxInputProperties.P_MAX_CHARACTERS, limits.maxDocumentChars());
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, limits.maxElementDepth());
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, limits.maxAttributeValueLength());
        factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, limits.maxTextLength());
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, limits.maxAttributesPerElement());
        return factory;
    }
}
