package org.pharmatrace.epcis.xml;

import org.pharmatrace.epcis.cbv.SensorCodeList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javax.xml.namespace.QName;
import org.pharmatrace.epcis.xml.bind.v2.SensorMetadataType;
import org.pharmatrace.epcis.xml.bind.v2.SensorReportType;

/**
 * The standard attributes of sensorMetadata and sensorReport, in XSD order, mapped between the generated types
 * and the model's attribute maps. Standard attributes have no namespace; extension attributes keep theirs.
 * Attributes the EPCIS JSON-LD context types as IRIs ({@code @id} or {@code @vocab}) hold full IRIs in the model
 * and compact ones in XML ({@link CompactIris}).
 */
final class SensorAttributes {

    private record Attribute<T>(QName name, Function<T, String> get, BiConsumer<T, String> set, boolean iri) {
    }

    private static <T> Attribute<T> attribute(String name, Function<T, String> get, BiConsumer<T, String> set) {
        return new Attribute<>(new QName(name), get, set, false);
    }

    private static <T> Attribute<T> iri(String name, Function<T, String> get, BiConsumer<T, String> set) {
        return new Attribute<>(new QName(name), get, set, true);
    }

    private static final List<Attribute<SensorMetadataType>> METADATA = List.of(
            attribute("time", SensorMetadataType::getTime, SensorMetadataType::setTime),
            iri("deviceID", SensorMetadataType::getDeviceID, SensorMetadataType::setDeviceID),
            iri("deviceMetadata", SensorMetadataType::getDeviceMetadata, SensorMetadataType::setDeviceMetadata),
            iri("rawData", SensorMetadataType::getRawData, SensorMetadataType::setRawData),
            attribute("startTime", SensorMetadataType::getStartTime, SensorMetadataType::setStartTime),
            attribute("endTime", SensorMetadataType::getEndTime, SensorMetadataType::setEndTime),
            iri("bizRules", SensorMetadataType::getBizRules, SensorMetadataType::setBizRules),
            iri("dataProcessingMethod", SensorMetadataType::getDataProcessingMethod,
                    SensorMetadataType::setDataProcessingMethod));

    private static final List<Attribute<SensorReportType>> REPORT = List.of(
            iri("type", SensorReportType::getType, SensorReportType::setType),
            attribute("value", SensorReportType::getValueAttribute, SensorReportType::setValueAttribute),
            iri("component", SensorReportType::getComponent, SensorReportType::setComponent),
            attribute("stringValue", SensorReportType::getStringValue, SensorReportType::setStringValue),
            attribute("booleanValue", SensorReportType::getBooleanValue, SensorReportType::setBooleanValue),
            attribute("hexBinaryValue", SensorReportType::getHexBinaryValue, SensorReportType::setHexBinaryValue),
            iri("uriValue", SensorReportType::getUriValue, SensorReportType::setUriValue),
            attribute("uom", SensorReportType::getUom, SensorReportType::setUom),
            attribute("minValue", SensorReportType::getMinValue, SensorReportType::setMinValue),
            attribute("maxValue", SensorReportType::getMaxValue, SensorReportType::setMaxValue),
            attribute("sDev", SensorReportType::getSDev, SensorReportType::setSDev),
            iri("chemicalSubstance", SensorReportType::getChemicalSubstance, SensorReportType::setChemicalSubstance),
            iri("microorganism", SensorReportType::getMicroorganism, SensorReportType::setMicroorganism),
            iri("deviceID", SensorReportType::getDeviceID, SensorReportType::setDeviceID),
            iri("deviceMetadata", SensorReportType::getDeviceMetadata, SensorReportType::setDeviceMetadata),
            iri("rawData", SensorReportType::getRawData, SensorReportType::setRawData),
            attribute("time", SensorReportType::getTime, SensorReportType::setTime),
            attribute("meanValue", SensorReportType::getMeanValue, SensorReportType::setMeanValue),
            attribute("percRank", SensorReportType::getPercRank, SensorReportType::setPercRank),
            attribute("percValue", SensorReportType::getPercValue, SensorReportType::setPercValue),
            iri("dataProcessingMethod", SensorReportType::getDataProcessingMethod,
                    SensorReportType::setDataProcessingMethod),
            iri("coordinateReferenceSystem", SensorReportType::getCoordinateReferenceSystem,
                    SensorReportType::setCoordinateReferenceSystem),
            iri("exception", SensorReportType::getException, SensorReportType::setException));

    private SensorAttributes() {
    }

    /** @param inScope the prefixes in scope at the sensorMetadata element */
    static Map<QName, String> of(SensorMetadataType metadata, Map<String, String> inScope) {
        return metadata == null ? new LinkedHashMap<>() : read(metadata, METADATA, metadata.getOtherAttributes(), inScope);
    }

    /** @param inScope the prefixes in scope at the sensorReport element */
    static Map<QName, String> of(SensorReportType report, Map<String, String> inScope) {
        return read(report, REPORT, report.getOtherAttributes(), inScope);
    }

    static SensorMetadataType metadata(Map<QName, String> attributes, CompactIris iris) {
        SensorMetadataType metadata = new SensorMetadataType();
        write(metadata, METADATA, metadata.getOtherAttributes(), attributes, iris);
        return metadata;
    }

    static SensorReportType report(Map<QName, String> attributes, CompactIris iris) {
        SensorReportType report = new SensorReportType();
        write(report, REPORT, report.getOtherAttributes(), attributes, iris);
        return report;
    }

    private static <T> Map<QName, String> read(T source, List<Attribute<T>> standard, Map<QName, String> others,
                                               Map<String, String> inScope) {
        Map<QName, String> attributes = new LinkedHashMap<>();
        for (Attribute<T> a : standard) {
            String value = a.get().apply(source);
            if (value != null) {
                attributes.put(a.name(), a.iri() ? expand(a.name().getLocalPart(), value.strip(), inScope) : value);
            }
        }
        attributes.putAll(others);
        return attributes;
    }

    /** A compact IRI expanded; a bare term of a sensor code list (as JSON-LD writes them) as its IRI too. */
    private static String expand(String attribute, String value, Map<String, String> inScope) {
        String expanded = CompactIris.expand(value, inScope);
        SensorCodeList codeList = SensorCodeList.forReportAttribute(attribute);
        return codeList == null ? expanded : codeList.toIri(expanded);
    }

    private static <T> void write(T target, List<Attribute<T>> standard, Map<QName, String> others,
                                  Map<QName, String> attributes, CompactIris iris) {
        Map<QName, String> rest = new LinkedHashMap<>(attributes);
        for (Attribute<T> a : standard) {
            String value = rest.remove(a.name());
            if (value != null) {
                a.set().accept(target, a.iri() ? iris.compact(value) : value);
            }
        }
        others.putAll(rest);
    }
}
