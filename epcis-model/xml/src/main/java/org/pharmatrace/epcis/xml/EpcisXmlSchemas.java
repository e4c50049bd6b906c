package org.pharmatrace.epcis.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.pharmatrace.epcis.io.EpcisFormat;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;

/**
 * The official GS1 EPCIS 2.0 and 1.2 XSDs, bundled in this jar (copied from the GS1 standard files at build time),
 * compiled once into thread-safe {@link Schema}s. Imports resolve only to the bundled files: nothing is fetched.
 */
public final class EpcisXmlSchemas {

    private static final String XSD_FOLDER = "/org/pharmatrace/epcis/xml/xsd/";

    private EpcisXmlSchemas() {
    }

    private static final class Epcis20 {
        static final Schema SCHEMA = load("EPCglobal-epcis-2_0.xsd", "EPCglobal-epcis-masterdata-2_0.xsd",
                "EPCglobal-epcis-query-2_0.xsd");
    }

    private static final class Epcis12 {
        static final Schema SCHEMA = load("EPCglobal-epcis-1_2.xsd", "EPCglobal-epcis-masterdata-1_2.xsd",
                "EPCglobal-epcis-query-1_2.xsd");
    }

    /** EPCIS 2.0: EPCISDocument, EPCISQueryDocument, EPCISMasterDataDocument and the query messages. */
    public static Schema epcis20() {
        return Epcis20.SCHEMA;
    }

    /** EPCIS 1.2: EPCISDocument, EPCISQueryDocument, EPCISMasterDataDocument and the query messages. */
    public static Schema epcis12() {
        return Epcis12.SCHEMA;
    }

    /** The schema of an XML format. */
    public static Schema forFormat(EpcisFormat format) {
        return switch (format) {
            case XML_2_0 -> epcis20();
            case XML_1_2 -> epcis12();
            case JSON_LD -> throw new IllegalArgumentException("JSON-LD has no XSD");
        };
    }

    /**
     * A validator that will not fetch external DTDs or schemas named by the document being validated; the schema
     * already holds everything it needs. Validators are not thread-safe: one per thread or per document.
     */
    public static Validator newValidator(Schema schema) {
        Validator validator = schema.newValidator();
        try {
            validator.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("The XML validator cannot be secured", e);
        }
        return validator;
    }

    private static Schema load(String... files) {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            // The bundled files are read from this jar (or target/classes in a build); the resolver below makes sure
            // nothing else is.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
            factory.setResourceResolver(new BundledOnly());
            Source[] sources = new Source[files.length];
            for (int i = 0; i < files.length; i++) {
                URL url = bundled(files[i]);
                sources[i] = new StreamSource(url.openStream(), url.toExternalForm());
            }
            return factory.newSchema(sources);
        } catch (SAXException e) {
            throw new IllegalStateException("The bundled EPCIS XSDs do not compile: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled EPCIS XSDs", e);
        }
    }

    private static URL bundled(String file) {
        URL url = EpcisXmlSchemas.class.getResource(XSD_FOLDER + file);
        if (url == null) {
            throw new IllegalStateException("The EPCIS XSD " + file + " is not bundled; was the jar built with"
                    + " gs1.standard.dir pointing at the GS1 standard files?");
        }
        return url;
    }

    /** Resolves schemaLocation="./X.xsd" imports to the bundled X.xsd and refuses everything else. */
    private static final class BundledOnly implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespaceUri, String publicId, String systemId, String baseUri) {
            if (systemId == null) {
                throw new IllegalStateException("EPCIS XSD import of " + namespaceUri + " names no file");
            }
            String file = systemId.substring(systemId.lastIndexOf('/') + 1);
            if (!file.endsWith(".xsd") || file.contains("..") || systemId.contains(":")) {
                throw new IllegalStateException("EPCIS XSDs may only import bundled files, not " + systemId);
            }
            URL url = bundled(file);
            return new BundledInput(url, publicId);
        }
    }

    private record BundledInput(URL url, String publicIdValue) implements LSInput {
        @Override public java.io.Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(java.io.Reader characterStream) { }
        @Override public InputStream getByteStream() {
            try {
                return url.openStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        @Override public void setByteStream(InputStream byteStream) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String stringData) { }
        @Override public String getSystemId() { return url.toExternalForm(); }
        @Override public void setSystemId(String systemId) { }
        @Override public String getPublicId() { return publicIdValue; }
        @Override public void setPublicId(String publicId) { }
        @Override public String getBaseURI() { return null; }
        @Override public void setBaseURI(String baseURI) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String encoding) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean certifiedText) { }
    }
}
