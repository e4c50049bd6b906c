package org.pharmatrace.epcis.xml;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import java.util.Map;
import org.glassfish.jaxb.runtime.api.JAXBRIContext;

/**
 * The JAXB context of the bindings generated from the EPCIS 2.0 and 1.2 XSDs, with wildcard content held as
 * extension trees ({@link WildcardAnnotations}). Building it is expensive and it is thread-safe, so every reader and
 * writer shares this one; each creates its own (unshared) (un)marshaller.
 */
final class EpcisJaxb {

    private static final JAXBContext CONTEXT = create();

    private EpcisJaxb() {
    }

    private static JAXBContext create() {
        try {
            return JAXBContext.newInstance(new Class<?>[] {org.pharmatrace.epcis.xml.bind.v2.ObjectFactory.class,
                    org.pharmatrace.epcis.xml.bind.v12.ObjectFactory.class},
                    Map.of(JAXBRIContext.ANNOTATION_READER, new WildcardAnnotations()));
        } catch (JAXBException e) {
            throw new IllegalStateException("Cannot build the JAXB context of the EPCIS bindings", e);
        }
    }

    /**
     * An unmarshaller that fails on errors (a malformed number, an element the schema does not know where no
     * wildcard allows it) instead of JAXB's default of silently dropping them: the hub must not lose data quietly.
     */
    static Unmarshaller newUnmarshaller() {
        try {
            Unmarshaller unmarshaller = CONTEXT.createUnmarshaller();
            unmarshaller.setEventHandler(event -> event.getSeverity() == ValidationEvent.WARNING);
            return unmarshaller;
        } catch (JAXBException e) {
            throw new IllegalStateException("Cannot create an EPCIS unmarshaller", e);
        }
    }

    /** A marshaller for event fragments: no XML declaration, no document events. */
    static Marshaller newFragmentMarshaller() {
        try {
            Marshaller marshaller = CONTEXT.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            return marshaller;
        } catch (JAXBException e) {
            throw new IllegalStateException("Cannot create an EPCIS marshaller", e);
        }
    }
}
