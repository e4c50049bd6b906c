package org.pharmatrace.epcis.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One GS1 EPCIS 2.0 event, the hub's canonical unit of data. A single class carries the fields of all five event
 * types so that readers, writers, validation and hashing walk one shape; which fields an event type may use is a
 * validation rule, not a type hierarchy.
 *
 * <p>Values are kept as the standard's XML form: times as their lexical ISO 8601 text, CBV terms as URNs
 * ({@code urn:epcglobal:cbv:bizstep:shipping}), identifiers as given (EPC URN or GS1 Digital Link). JSON-LD readers
 * expand bare CBV terms to URNs and JSON-LD writers compact them again, so both round trips are lossless.
 *
 * <p>List getters return the live, mutable lists: readers fill them in place. Events are not thread-safe.
 */
public final class EpcisEvent {

    private EventType type;
    private String eventTime;
    private String eventTimeZoneOffset;
    private String recordTime;
    private String eventId;
    private final List<String> certificationInfo = new ArrayList<>();
    private ErrorDeclaration errorDeclaration;

    private String parentId;
    private final List<String> epcList = new ArrayList<>();
    private final List<String> childEpcs = new ArrayList<>();
    private final List<QuantityElement> quantityList = new ArrayList<>();
    private final List<QuantityElement> childQuantityList = new ArrayList<>();
    private final List<String> inputEpcList = new ArrayList<>();
    private final List<QuantityElement> inputQuantityList = new ArrayList<>();
    private final List<String> outputEpcList = new ArrayList<>();
    private final List<QuantityElement> outputQuantityList = new ArrayList<>();
    private String transformationId;

    private Action action;
    private String bizStep;
    private String disposition;
    private PersistentDisposition persistentDisposition;
    private Location readPoint;
    private Location bizLocation;
    private final List<BizTransaction> bizTransactionList = new ArrayList<>();
    private final List<SourceDestination> sourceList = new ArrayList<>();
    private final List<SourceDestination> destinationList = new ArrayList<>();
    private final List<SensorElement> sensorElementList = new ArrayList<>();
    /** Instance/lot master data; {@code null} when the event has no ilmd element, empty when it has an empty one. */
    private List<ExtensionElement> ilmd;
    private final List<ExtensionElement> extensions = new ArrayList<>();

    public EpcisEvent() {
    }

    public EpcisEvent(EventType type) {
        this.type = type;
    }

    public EventType getType() { return type; }
    public EpcisEvent setType(EventType type) { this.type = type; return this; }

    /** Event time as given, e.g. {@code 2005-04-03T20:33:31.116-06:00}. */
    public String getEventTime() { return eventTime; }
    public EpcisEvent setEventTime(String eventTime) { this.eventTime = eventTime; return this; }

    /** The offset of the local time zone where the event happened, {@code [+-]hh:mm}. */
    public String getEventTimeZoneOffset() { return eventTimeZoneOffset; }
    public EpcisEvent setEventTimeZoneOffset(String offset) { this.eventTimeZoneOffset = offset; return this; }

    public String getRecordTime() { return recordTime; }
    public EpcisEvent setRecordTime(String recordTime) { this.recordTime = recordTime; return this; }

    /** The eventID URI (often the Event Hash ID {@code ni:///sha-256;...} or a UUID URN). */
    public String getEventId() { return eventId; }
    public EpcisEvent setEventId(String eventId) { this.eventId = eventId; return this; }

    public List<String> getCertificationInfo() { return certificationInfo; }

    public ErrorDeclaration getErrorDeclaration() { return errorDeclaration; }
    public EpcisEvent setErrorDeclaration(ErrorDeclaration e) { this.errorDeclaration = e; return this; }

    public String getParentId() { return parentId; }
    public EpcisEvent setParentId(String parentId) { this.parentId = parentId; return this; }

    public List<String> getEpcList() { return epcList; }
    public List<String> getChildEpcs() { return childEpcs; }
    public List<QuantityElement> getQuantityList() { return quantityList; }
    public List<QuantityElement> getChildQuantityList() { return childQuantityList; }
    public List<String> getInputEpcList() { return inputEpcList; }
    public List<QuantityElement> getInputQuantityList() { return inputQuantityList; }
    public List<String> getOutputEpcList() { return outputEpcList; }
    public List<QuantityElement> getOutputQuantityList() { return outputQuantityList; }

    public String getTransformationId() { return transformationId; }
    public EpcisEvent setTransformationId(String id) { this.transformationId = id; return this; }

    public Action getAction() { return action; }
    public EpcisEvent setAction(Action action) { this.action = action; return this; }

    public String getBizStep() { return bizStep; }
    public EpcisEvent setBizStep(String bizStep) { this.bizStep = bizStep; return this; }

    public String getDisposition() { return disposition; }
    public EpcisEvent setDisposition(String disposition) { this.disposition = disposition; return this; }

    public PersistentDisposition getPersistentDisposition() { return persistentDisposition; }
    public EpcisEvent setPersistentDisposition(PersistentDisposition p) { this.persistentDisposition = p; return this; }

    public Location getReadPoint() { return readPoint; }
    public EpcisEvent setReadPoint(Location readPoint) { this.readPoint = readPoint; return this; }

    public Location getBizLocation() { return bizLocation; }
    public EpcisEvent setBizLocation(Location bizLocation) { this.bizLocation = bizLocation; return this; }

    public List<BizTransaction> getBizTransactionList() { return bizTransactionList; }
    public List<SourceDestination> getSourceList() { return sourceList; }
    public List<SourceDestination> getDestinationList() { return destinationList; }
    public List<SensorElement> getSensorElementList() { return sensorElementList; }

    public List<ExtensionElement> getIlmd() { return ilmd; }
    public EpcisEvent setIlmd(List<ExtensionElement> ilmd) { this.ilmd = ilmd == null ? null : new ArrayList<>(ilmd); return this; }

    /** User extensions at event level, in any namespace other than EPCIS's own. */
    public List<ExtensionElement> getExtensions() { return extensions; }

    /** All EPCs this event names at instance level, whatever list they are in (parent included). */
    public List<String> allInstanceEpcs() {
        List<String> all = new ArrayList<>(epcList.size() + childEpcs.size() + inputEpcList.size() + outputEpcList.size() + 1);
        if (parentId != null) {
            all.add(parentId);
        }
        all.addAll(epcList);
        all.addAll(childEpcs);
        all.addAll(inputEpcList);
        all.addAll(outputEpcList);
        return all;
    }

    @Override
    public String toString() {
        return (type == null ? "Event" : type.localName()) + (eventId != null ? "[" + eventId + "]" : "") + "@" + eventTime;
    }
}
