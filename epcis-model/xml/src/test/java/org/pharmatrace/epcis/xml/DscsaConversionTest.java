package org.pharmatrace.epcis.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pharmatrace.epcis.cbv.EpcisNamespaces;
import org.pharmatrace.epcis.io.EpcisFormat;
import org.pharmatrace.epcis.model.EpcisDocumentInfo;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.epcis.model.Vocabulary;
import org.pharmatrace.epcis.model.VocabularyElement;
import org.xmlunit.assertj3.XmlAssert;
import org.xml.sax.SAXException;

/**
 * The GS1 US DSCSA example (EPCIS 1.2 with SBDH, NDC master data and a gs1ushc transaction statement) converted to
 * EPCIS 2.0: valid, and nothing a DSCSA trading partner relies on is lost.
 */
class DscsaConversionTest {

    private static final Path DSCSA = Corpus.epcisDir().resolve("dscsa/GS1_US_Pharma_Example_2_2_1_1.xml");
    private static final Map<String, String> PREFIXES = Map.of("epcis", EpcisNamespaces.EPCIS_2_0,
            "sbdh", EpcisNamespaces.SBDH, "gs1ushc", EpcisNamespaces.GS1_US_HEALTHCARE, "cbvmda", EpcisNamespaces.CBV_MASTER_DATA_ATTRIBUTES);

    private static byte[] converted;
    private static EpcisDocumentInfo document;
    private static final List<EpcisEvent> events = new ArrayList<>();

    @BeforeAll
    static void convert() {
        converted = XmlRoundTrip.rewrite(DSCSA, EpcisFormat.XML_2_0);
        try (EpcisXmlReader reader = new EpcisXmlReader(new ByteArrayInputStream(converted))) {
            document = reader.document();
            reader.forEachRemaining(events::add);
        }
    }

    @Test
    void convertedDocumentIsValidEpcis20() throws SAXException {
        XmlRoundTrip.validate(converted, EpcisFormat.XML_2_0);
        XmlAssert.assertThat(converted).withNamespaceContext(PREFIXES).hasXPath("/epcis:EPCISDocument[@schemaVersion='2.0']");
    }

    @Test
    void keepsTheStandardBusinessDocumentHeader() {
        XmlAssert.assertThat(converted).withNamespaceContext(PREFIXES)
                .valueByXPath("/epcis:EPCISDocument/EPCISHeader/sbdh:StandardBusinessDocumentHeader/sbdh:Sender/sbdh:Identifier")
                .isEqualTo("urn:epc:id:sgln:030001.111111.0");
        ExtensionElement sbdh = document.getHeader().standardBusinessDocumentHeader();
        assertThat(sbdh.child(EpcisNamespaces.SBDH, "DocumentIdentification").child(EpcisNamespaces.SBDH, "InstanceIdentifier").text())
                .isEqualTo("1100220001");
        assertThat(sbdh.child(EpcisNamespaces.SBDH, "Receiver").child(EpcisNamespaces.SBDH, "Identifier").attributes())
                .containsEntry(new QName("Authority"), "GS1");
    }

    @Test
    void keepsProductAndLocationMasterData() {
        assertThat(document.getHeader().masterData()).extracting(Vocabulary::type)
                .containsExactly("urn:epcglobal:epcis:vtype:EPCClass", "urn:epcglobal:epcis:vtype:Location");
        VocabularyElement product = document.getHeader().masterData().get(0).elements().get(0);
        assertThat(product.id()).isEqualTo("urn:epc:idpat:sgtin:030001.0012345.*");
        assertThat(product.attribute("urn:epcglobal:cbv:mda#additionalTradeItemIdentification")).isEqualTo("0001-0123-45");
        assertThat(product.attribute("urn:epcglobal:cbv:mda#additionalTradeItemIdentificationTypeCode")).isEqualTo("US_FDA_NDC");
        assertThat(document.getHeader().masterData().get(1).elements()).hasSize(4);
    }

    @Test
    void keepsTheGs1UsTransactionStatementAtDocumentLevel() {
        // The 2.0 EPCISHeader has no slot for other namespaces; the EPCISDocument's own wildcard after EPCISBody has.
        XmlAssert.assertThat(converted).withNamespaceContext(PREFIXES)
                .valueByXPath("/epcis:EPCISDocument/gs1ushc:dscsaTransactionStatement/gs1ushc:affirmTransactionStatement")
                .isEqualTo("true");
        assertThat(document.getExtensions()).extracting(e -> e.name().getLocalPart())
                .containsExactly("guidelineVersion", "dscsaTransactionStatement");
        assertThat(document.getExtensions().get(1).name().getPrefix()).isEqualTo("gs1ushc");
    }

    @Test
    void keepsEventExtensionsIlmdAndSourceDestination() {
        assertThat(events).hasSize(8);
        EpcisEvent commissioning = events.get(0);
        assertThat(commissioning.getIlmd()).extracting(e -> e.name().getLocalPart() + "=" + e.text())
                .containsExactly("lotNumber=A123", "itemExpirationDate=2025-03-27");
        EpcisEvent shipping = events.get(7);
        assertThat(shipping.getBizStep()).isEqualTo("urn:epcglobal:cbv:bizstep:shipping");
        assertThat(shipping.getSourceList()).extracting(s -> s.type())
                .containsExactly("urn:epcglobal:cbv:sdt:owning_party", "urn:epcglobal:cbv:sdt:location");
        assertThat(shipping.getExtensions()).singleElement()
                .satisfies(e -> assertThat(e.name()).isEqualTo(new QName(EpcisNamespaces.GS1_US_HEALTHCARE, "dropShipment")))
                .satisfies(e -> assertThat(e.text()).isEqualTo("false"));
        XmlAssert.assertThat(converted).withNamespaceContext(PREFIXES)
                .hasXPath("/epcis:EPCISDocument/EPCISBody/EventList/ObjectEvent[1]/ilmd/cbvmda:lotNumber");
        XmlAssert.assertThat(converted).withNamespaceContext(PREFIXES)
                .hasXPath("/epcis:EPCISDocument/EPCISBody/EventList/ObjectEvent[last()]/sourceList");
    }

    @Test
    void convertsBackTo12Validly() throws SAXException {
        byte[] back = XmlRoundTrip.rewrite(new ByteArrayInputStream(converted), EpcisFormat.XML_1_2);
        XmlRoundTrip.validate(back, EpcisFormat.XML_1_2);
        XmlAssert.assertThat(back).withNamespaceContext(Map.of("epcis", EpcisNamespaces.EPCIS_1_2))
                .hasXPath("/epcis:EPCISDocument/EPCISBody/EventList/ObjectEvent[1]/extension/ilmd");
    }
}
