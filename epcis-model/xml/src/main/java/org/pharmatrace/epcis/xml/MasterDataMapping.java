package org.pharmatrace.epcis.xml;

import java.util.ArrayList;
import java.util.List;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.epcis.model.Vocabulary;
import org.pharmatrace.epcis.model.VocabularyAttribute;
import org.pharmatrace.epcis.model.VocabularyElement;
import org.pharmatrace.epcis.xml.bind.v2.AttributeType;
import org.pharmatrace.epcis.xml.bind.v2.EPCISMasterDataType;
import org.pharmatrace.epcis.xml.bind.v2.IDListType;
import org.pharmatrace.epcis.xml.bind.v2.VocabularyElementExtensionType;
import org.pharmatrace.epcis.xml.bind.v2.VocabularyElementListType;
import org.pharmatrace.epcis.xml.bind.v2.VocabularyElementType;
import org.pharmatrace.epcis.xml.bind.v2.VocabularyExtensionType;
import org.pharmatrace.epcis.xml.bind.v2.VocabularyListType;
import org.pharmatrace.epcis.xml.bind.v2.VocabularyType;

/**
 * Maps header master data (EPCISMasterData/VocabularyList) between the generated types and the model. EPCIS 1.2
 * and 2.0 define master data identically, so both versions use these classes. An attribute's value is its text,
 * or its child elements when it is structured (an address, a JSON-LD object that came through XML).
 */
final class MasterDataMapping {

    private final WildcardContent wildcards;

    MasterDataMapping(WildcardContent wildcards) {
        this.wildcards = wildcards;
    }

    List<Vocabulary> toModel(EPCISMasterDataType masterData) {
        List<Vocabulary> vocabularies = new ArrayList<>();
        if (masterData == null || masterData.getVocabularyList() == null) {
            return vocabularies;
        }
        for (VocabularyType v : masterData.getVocabularyList().getVocabulary()) {
            List<VocabularyElement> elements = new ArrayList<>();
            if (v.getVocabularyElementList() != null) {
                for (VocabularyElementType e : v.getVocabularyElementList().getVocabularyElement()) {
                    elements.add(element(e));
                }
            }
            List<ExtensionElement> extensions = new ArrayList<>();
            if (v.getExtension() != null) {
                extensions.add(wildcards.wrapper(ExtensionSlots.EXTENSION, v.getExtension().getOtherAttributes(),
                        v.getExtension().getAny()));
            }
            extensions.addAll(wildcards.toTrees(v.getAny()));
            vocabularies.add(new Vocabulary(SharedFieldsReading.clean(v.getType()), elements, extensions));
        }
        return vocabularies;
    }

    private VocabularyElement element(VocabularyElementType e) {
        List<VocabularyAttribute> attributes = new ArrayList<>(e.getAttribute().size());
        for (AttributeType a : e.getAttribute()) {
            attributes.add(attribute(a));
        }
        List<String> children = e.getChildren() == null ? List.of()
                : e.getChildren().getId().stream().map(SharedFieldsReading::clean).toList();
        List<ExtensionElement> extensions = new ArrayList<>();
        if (e.getExtension() != null) {
            extensions.add(wildcards.wrapper(ExtensionSlots.EXTENSION, e.getExtension().getOtherAttributes(),
                    e.getExtension().getAny()));
        }
        extensions.addAll(wildcards.toTrees(e.getAny()));
        return new VocabularyElement(SharedFieldsReading.clean(e.getId()), attributes, children, extensions);
    }

    private VocabularyAttribute attribute(AttributeType a) {
        StringBuilder text = new StringBuilder();
        List<ExtensionElement> value = new ArrayList<>();
        for (Object part : a.getContent()) {
            if (part instanceof String s) {
                text.append(s);
            } else {
                value.add(wildcards.toTree(part));
            }
        }
        return new VocabularyAttribute(SharedFieldsReading.clean(a.getId()), value.isEmpty() ? text.toString().strip() : null, value);
    }

    EPCISMasterDataType toXml(List<Vocabulary> vocabularies) {
        VocabularyListType list = new VocabularyListType();
        for (Vocabulary v : vocabularies) {
            VocabularyType vocabulary = new VocabularyType();
            vocabulary.setType(v.type());
            if (!v.elements().isEmpty()) {
                VocabularyElementListType elements = new VocabularyElementListType();
                for (VocabularyElement e : v.elements()) {
                    elements.getVocabularyElement().add(element(e));
                }
                vocabulary.setVocabularyElementList(elements);
            }
            ExtensionElement wrapper = ExtensionSlots.find(v.extensions(), ExtensionSlots.EXTENSION);
            if (wrapper != null) {
                VocabularyExtensionType ext = new VocabularyExtensionType();
                ext.getOtherAttributes().putAll(wrapper.attributes());
                ext.getAny().addAll(wildcards.toAny(wrapper.children()));
                vocabulary.setExtension(ext);
            }
            vocabulary.getAny().addAll(wildcards.toAny(ExtensionSlots.withoutWrappers(v.extensions(), ExtensionSlots.EXTENSION)));
            list.getVocabulary().add(vocabulary);
        }
        EPCISMasterDataType masterData = new EPCISMasterDataType();
        masterData.setVocabularyList(list);
        return masterData;
    }

    private VocabularyElementType element(VocabularyElement e) {
        VocabularyElementType element = new VocabularyElementType();
        element.setId(e.id());
        for (VocabularyAttribute a : e.attributes()) {
            AttributeType attribute = new AttributeType();
            attribute.setId(a.id());
            if (a.value().isEmpty()) {
                if (a.text() != null && !a.text().isEmpty()) {
                    attribute.getContent().add(a.text());
                }
            } else {
                for (ExtensionElement part : a.value()) {
                    attribute.getContent().add(wildcards.toAny(part));
                }
            }
            element.getAttribute().add(attribute);
        }
        if (!e.children().isEmpty()) {
            IDListType children = new IDListType();
            children.getId().addAll(e.children());
            element.setChildren(children);
        }
        ExtensionElement wrapper = ExtensionSlots.find(e.extensions(), ExtensionSlots.EXTENSION);
        if (wrapper != null) {
            VocabularyElementExtensionType ext = new VocabularyElementExtensionType();
            ext.getOtherAttributes().putAll(wrapper.attributes());
            ext.getAny().addAll(wildcards.toAny(wrapper.children()));
            element.setExtension(ext);
        }
        element.getAny().addAll(wildcards.toAny(ExtensionSlots.withoutWrappers(e.extensions(), ExtensionSlots.EXTENSION)));
        return element;
    }
}
