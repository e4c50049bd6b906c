/**
 * EPCIS 2.0 and 1.2 XML for the hub: a streaming reader ({@link org.pharmatrace.epcis.xml.EpcisXmlReader}), a
 * writer for either version ({@link org.pharmatrace.epcis.xml.EpcisXmlWriter}) and the official XSDs
 * ({@link org.pharmatrace.epcis.xml.EpcisXmlSchemas}), on JAXB bindings generated from those XSDs at build time.
 *
 * <p>Extension wrappers: EPCIS's own {@code <extension>} and {@code <baseExtension>} elements (reserved for future
 * EPCIS fields) are kept in the model's extension lists as unqualified elements of that name, so that a round
 * trip puts their content back where it was; namespace-qualified elements are user extensions.
 *
 * <p>IRI-valued fields (bizStep, disposition, source/destination and business transaction types, error reasons,
 * sensor types, components, device IDs...) hold full IRIs in the model, as the JSON-LD reader gives them: compact
 * IRIs such as {@code gs1:Temperature} are expanded on reading and written compact again
 * ({@link org.pharmatrace.epcis.xml.CompactIris}); standard CBV terms are URNs.
 */
package org.pharmatrace.epcis.xml;
