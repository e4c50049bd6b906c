package org.pharmatrace.chaincode;

import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import org.pharmatrace.epcis.cbv.EpcisNamespaces;
import org.pharmatrace.epcis.model.Action;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.EventType;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.epcis.model.PersistentDisposition;
import org.pharmatrace.epcis.model.SourceDestination;

/** EPCIS events of the pharma lifecycle, built by hand for the contract tests, with the identifiers they use. */
final class Events {

    static final String MANUFACTURER_PREFIX = "0312345";
    static final String DISTRIBUTOR_PREFIX = "0398765";
    /** NDC 12345-6789-0 as GTIN-14. */
    static final String GTIN = "00312345678906";
    static final String OTHER_GTIN = "00312345111113";
    static final String DISTRIBUTOR_PGLN = "urn:epc:id:pgln:0398765.00000";
    static final String PHARMACY_PGLN = "urn:epc:id:pgln:0355555.00000";
    static final String PHARMACY_SGLN = "urn:epc:id:sgln:0355555.00001.0";

    private static final String BIZSTEP = "urn:epcglobal:cbv:bizstep:";
    private static final String DISP = "urn:epcglobal:cbv:disp:";
    private static final String SDT = "urn:epcglobal:cbv:sdt:";

    private Events() {
    }

    static String sgtin(String serial) {
        return "urn:epc:id:sgtin:0312345.067890." + serial;
    }

    static String otherSgtin(String serial) {
        return "urn:epc:id:sgtin:0312345.011111." + serial;
    }

    static String sscc(int serialReference) {
        return "urn:epc:id:sscc:0312345.0" + String.format("%09d", serialReference);
    }

    static String distributorSscc(int serialReference) {
        return "urn:epc:id:sscc:0398765.0" + String.format("%09d", serialReference);
    }

    static EpcisEvent commission(String lot, String expiry, String... epcs) {
        EpcisEvent event = object(Action.ADD, "commissioning", "active", "2026-02-01T08:00:00.000Z", epcs);
        List<ExtensionElement> ilmd = new ArrayList<>();
        if (lot != null) {
            ilmd.add(ExtensionElement.leaf(new QName(EpcisNamespaces.CBV_MASTER_DATA_ATTRIBUTES, "lotNumber", "cbvmda"), lot));
        }
        if (expiry != null) {
            ilmd.add(ExtensionElement.leaf(
                    new QName(EpcisNamespaces.CBV_MASTER_DATA_ATTRIBUTES, "itemExpirationDate", "cbvmda"), expiry));
        }
        return event.setIlmd(ilmd);
    }

    static EpcisEvent pack(String parent, String... children) {
        EpcisEvent event = new EpcisEvent(EventType.AGGREGATION_EVENT).setAction(Action.ADD)
                .setBizStep(BIZSTEP + "packing").setDisposition(DISP + "in_progress")
                .setEventTime("2026-02-02T08:00:00.000Z").setEventTimeZoneOffset("+00:00").setParentId(parent);
        event.getChildEpcs().addAll(List.of(children));
        return event;
    }

    static EpcisEvent unpack(String parent, String... children) {
        EpcisEvent event = new EpcisEvent(EventType.AGGREGATION_EVENT).setAction(Action.DELETE)
                .setBizStep(BIZSTEP + "unpacking").setEventTime("2026-02-05T08:00:00.000Z")
                .setEventTimeZoneOffset("+00:00").setParentId(parent);
        event.getChildEpcs().addAll(List.of(children));
        return event;
    }

    /** Shipping to the owning party {@code toParty} (a PGLN, or any registered party id). */
    static EpcisEvent ship(String toParty, String... epcs) {
        EpcisEvent event = object(Action.OBSERVE, "shipping", "in_transit", "2026-02-03T08:00:00.000Z", epcs);
        event.getSourceList().add(new SourceDestination(SDT + "owning_party", "urn:epc:id:pgln:0312345.00000"));
        if (toParty != null) {
            event.getDestinationList().add(new SourceDestination(SDT + "owning_party", toParty));
        }
        return event;
    }

    static EpcisEvent voidShipping(String... epcs) {
        return object(Action.OBSERVE, "void_shipping", "active", "2026-02-03T12:00:00.000Z", epcs);
    }

    static EpcisEvent receive(String... epcs) {
        return object(Action.OBSERVE, "receiving", "in_progress", "2026-02-04T08:00:00.000Z", epcs);
    }

    static EpcisEvent dispense(String eventTime, String... epcs) {
        return object(Action.OBSERVE, "dispensing", "dispensed", eventTime, epcs);
    }

    static EpcisEvent decommission(String... epcs) {
        return object(Action.DELETE, "decommissioning", "inactive", "2026-02-06T08:00:00.000Z", epcs);
    }

    static EpcisEvent destroy(String... epcs) {
        return object(Action.OBSERVE, "destroying", "destroyed", "2026-02-06T09:00:00.000Z", epcs);
    }

    /** A partner's own recall signal: holding, disposition recalled, persistent disposition set. */
    static EpcisEvent hold(String... epcs) {
        EpcisEvent event = object(Action.OBSERVE, "holding", "recalled", "2026-02-07T08:00:00.000Z", epcs);
        return event.setPersistentDisposition(new PersistentDisposition(List.of(DISP + "recalled"), List.of()));
    }

    /** Lifting a partner's recall signal: an inspection that unsets the persistent disposition recalled. */
    static EpcisEvent release(String... epcs) {
        EpcisEvent event = object(Action.OBSERVE, "inspecting", "active", "2026-02-08T08:00:00.000Z", epcs);
        return event.setPersistentDisposition(new PersistentDisposition(List.of(), List.of(DISP + "recalled")));
    }

    /** The same event at another time: a different event, with a different hash. */
    static EpcisEvent at(String eventTime, EpcisEvent event) {
        return event.setEventTime(eventTime);
    }

    static EpcisEvent object(Action action, String bizStep, String disposition, String eventTime, String... epcs) {
        EpcisEvent event = new EpcisEvent(EventType.OBJECT_EVENT).setAction(action)
                .setBizStep(BIZSTEP + bizStep).setDisposition(DISP + disposition)
                .setEventTime(eventTime).setEventTimeZoneOffset("+00:00");
        event.getEpcList().addAll(List.of(epcs));
        return event;
    }
}
