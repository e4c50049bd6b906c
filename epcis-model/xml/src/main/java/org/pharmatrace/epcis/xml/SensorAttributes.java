package org.pharmatrace.epcis.xml;

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
 */
final class SensorAttributes {

    private record Attribute<T>(QName name, Function<T, String> get, BiConsumer<T, String> set) {
    }

    private static <T> Attribute<T> attribute(String name, Function<T, String> get, BiConsumer<T, String> set) {
        return new Attribute<>(new QName(name), get, set);
    }

    private static final List<Attribute<SensorMetadataType>> METADATA = List.of(
            attribute("time", SensorMetadataType::getTime, SensorMetadataType::setTime),
            attribute("deviceID", SensorMetadataType::getDeviceID, SensorMetadataType::setDeviceID),
            attribute("deviceMetadata", SensorMetadataType::getDeviceMetadata, SensorMetadataType::setDeviceMetadata),
            attribute("rawData", SensorMetadataType::getRawData, SensorMetadataType::setRawData),
            attribute("startTime", SensorMetadataType::getStartTime, SensorMetadataType::setStartTime),
            attribute("endTime", SensorMetadataType::getEndTime, SensorMetadataType::setEndTime),
            attribute("bizRules", SensorMetadataType::getBizRules, SensorMetadataType::setBizRules),
            attribute("dataProcessingMethod", SensorMetadataType::getDataProcessingMethod,
                    SensorMetadataType::setDataProcessingMethod));

    private static final List<Attribute<SensorReportType>> REPORT = List.of(
            attribute("type", SensorReportType::getType, SensorReportType::setType),
            attribute("value", SensorReportType::getValueAttribute, SensorReportType::setValueAttribute),
            attribute("component", SensorReportType::getComponent, SensorReportType::setComponent),
            attribute("stringValue", SensorReportType::getStringValue, SensorReportType::setStringValue),
            attribute("booleanValue", SensorReportType::getBooleanValue, SensorReportType::setBooleanValue),
            attribute("hexBinaryValue", SensorReportType::getHexBinaryValue, SensorReportType::setHexBinaryValue),
            attribute("uriValue", SensorReportType::getUriValue, SensorReportType::setUriValue),
            attribute("uom", SensorReportType::getUom, SensorReportType::setUom),
            attribute("minValue", SensorReportType::getMinValue, SensorReportType::setMinValue),
            attribute("maxValue", SensorReportType::getMaxValue, SensorReportType::setMaxValue),
            attribute("sDev", SensorReportType::getSDev, SensorReportType::setSDev),
            attribute("chemicalSubstance", SensorReportType::getChemicalSubstance, SensorReportType::setChemicalSubstance),
            attribute("microorganism", SensorReportType::getMicroorganism, SensorReportType::setMicroorganism),
            attribute("deviceID", SensorReportType::getDeviceID, SensorReportType::setDeviceID),
            attribute("deviceMetadata", SensorReportType::getDeviceMetadata, SensorReportType::setDeviceMetadata),
            attribute("rawData", SensorReportType::getRawData, SensorReportType::setRawData),
            attribute("time", SensorReportType::getTime, SensorReportType::setTime),
            attribute("meanValue", SensorReportType::getMeanValue, SensorReportType::setMeanValue),
            attribute("percRank", SensorReportType::getPercRank, SensorReportType::setPercRank),
            attribute("percValue", SensorReportType::getPercValue, SensorReportType::setPercValue),
            attribute("dataProcessingMethod", SensorReportType::getDataProcessingMethod,
                    SensorReportType::setDataProcessingMethod),
            attribute("coordinateReferenceSystem", SensorReportType::getCoordinateReferenceSystem,
                    SensorReportType::setCoordinateReferenceSystem),
            attribute("exception", SensorReportType::getException, SensorReportType::setException));

    private SensorAttributes() {
    }

    static Map<QName, String> of(SensorMetadataType metadata) {
        return metadata == null ? new LinkedHashMap<>() : read(metadata, METADATA, metadata.getOtherAttributes());
    }

    static Map<QName, String> of(SensorReportType report) {
        return read(report, REPORT, report.getOtherAttributes());
    }

    static SensorMetadataType metadata(Map<QName, String> attributes) {
        SensorMetadataType metadata = new SensorMetadataType();
        write(metadata, METADATA, metadata.getOtherAttributes(), attributes);
        return metadata;
    }

    static SensorReportType report(Map<QName, String> attributes) {
        SensorReportType report = new SensorReportType();
        write(report, REPORT, report.getOtherAttributes(), attributes);
        return report;
    }

    private static <T> Map<QName, String> read(T source, List<Attribute<T>> standard, Map<QName, String> others) {
        Map<QName, String> attributes = new LinkedHashMap<>();
        for (Attribute<T> a : standard) {
            String value = a.get().apply(source);
            if (value != null) {
                attributes.put(a.name(), value);
            }
        }
        attributes.putAll(others);
        return attributes;
    }

    private static <T> void write(T target, List<Attribute<T>> standard, Map<QName, String> others,
                                  Map<QName, String> attributes) {
        Map<QName, String> rest = new LinkedHashMap<>(attributes);
        for (Attribute<T> a : standard) {
            String value = rest.remove(a.name());
            if (value != null) {
                a.set().accept(target, value);
            }
        }
        others.putAll(rest);
    }
}
