package org.pharmatrace.query;

import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import org.pharmatrace.epcis.cbv.EpcisNamespaces;
import org.pharmatrace.epcis.model.Action;
import org.pharmatrace.epcis.model.BizTransaction;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.EventType;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.epcis.model.Location;
import org.pharmatrace.epcis.model.SourceDestination;

/**
 * A product's life through three trading partners, in CBV terms (see shared/docs/domain-notes.md): a manufacturer
 * (Acme, company prefix 0312345) commissions a lot of NDC 12345-6789-0 packs (GTIN 00312345678906), packs them in a
 * case, ships the case to a wholesaler (039999), which receives and unpacks it and ships four packs on to a pharmacy
 * (0377777), which receives them and dispenses two.
 */
public final class Lifecycle {

    public static final String GTIN = "00312345678906";
    public static final String LOT = "LOT-R1";
    public static final String OTHER_LOT = "LOT-R2";
    public static final String EXPIRY = "2027-01-31";

    public static final String ACME_PARTY = "urn:epc:id:pgln:0312345.00000";
    public static final String ACME_PLANT = "urn:epc:id:sgln:0312345.00001.0";
    public static final String WHOLESALER_PARTY = "urn:epc:id:pgln:039999.999999";
    public static final String WHOLESALER_DC = "urn:epc:id:sgln:039999.345678.0";
    public static final String PHARMACY_PARTY = "urn:epc:id:pgln:0377777.00000";
    public static final String PHARMACY_STORE = "urn:epc:id:sgln:0377777.00010.0";
    public static final String CASE = "urn:epc:id:sscc:0312345.0000000001";
    public static final String PO = "urn:epcglobal:cbv:bt:0399999999991:PO-77";

    private static final QName LOT_NUMBER = new QName(EpcisNamespaces.CBV_MASTER_DATA_ATTRIBUTES, "lotNumber", "cbvmda");
    private static final QName EXPIRY_DATE = new QName(EpcisNamespaces.CBV_MASTER_DATA_ATTRIBUTES, "itemExpirationDate", "cbvmda");

    private Lifecycle() {
    }

    /**
     * Packs of another product and places of the partners' back offices, for tests that commit events of their own:
     * the queries of other tests (on the lifecycle's GTIN and places) never see them, whatever the order tests run in.
     */
    public static final String PHARMACY_BACK_OFFICE = "urn:epc:id:sgln:0377777.00099.0";
    public static final String WHOLESALER_QUARANTINE = "urn:epc:id:sgln:039999.345679.0";

    public static String scratchPack(int serial) {
        return "urn:epc:id:sgtin:0312345.099999.T" + serial;
    }

    public static String pack(int serial) {
        return "urn:epc:id:sgtin:0312345.067890.S" + String.format("%03d", serial);
    }

    public static String packDigitalLink(int serial) {
        return "https://id.gs1.org/01/" + GTIN + "/21/S" + String.format("%03d", serial);
    }

    public static List<String> packs(int from, int to) {
        List<String> packs = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            packs.add(pack(i));
        }
        return packs;
    }

    public static List<EpcisEvent> manufacturer() {
        EpcisEvent commission = object("2024-02-01T08:00:00.000Z", Action.ADD, "commissioning", "active", ACME_PLANT, packs(1, 10));
        commission.setIlmd(List.of(ExtensionElement.leaf(LOT_NUMBER, LOT), ExtensionElement.leaf(EXPIRY_DATE, EXPIRY)));
        EpcisEvent otherLot = object("2024-02-01T08:05:00.000Z", Action.ADD, "commissioning", "active", ACME_PLANT, packs(101, 103));
        otherLot.setIlmd(List.of(ExtensionElement.leaf(LOT_NUMBER, OTHER_LOT), ExtensionElement.leaf(EXPIRY_DATE, EXPIRY)));
        EpcisEvent packing = aggregation("2024-02-01T08:10:00.000Z", Action.ADD, "packing", "in_progress", ACME_PLANT, CASE, packs(1, 10));
        EpcisEvent shipping = object("2024-02-02T09:00:00.000Z", Action.OBSERVE, "shipping", "in_transit", ACME_PLANT, List.of(CASE));
        shipping.getBizTransactionList().add(new BizTransaction("urn:epcglobal:cbv:btt:po", PO));
        transfer(shipping, ACME_PARTY, ACME_PLANT, WHOLESALER_PARTY, WHOLESALER_DC);
        return List.of(commission, otherLot, packing, shipping);
    }

    public static List<EpcisEvent> wholesaler() {
        EpcisEvent receiving = object("2024-02-03T09:00:00.000Z", Action.OBSERVE, "receiving", "in_progress", WHOLESALER_DC, List.of(CASE));
        receiving.getBizTransactionList().add(new BizTransaction("urn:epcglobal:cbv:btt:po", PO));
        transfer(receiving, ACME_PARTY, ACME_PLANT, WHOLESALER_PARTY, WHOLESALER_DC);
        EpcisEvent unpacking = aggregation("2024-02-03T10:00:00.000Z", Action.DELETE, "unpacking", null, WHOLESALER_DC, CASE, packs(1, 10));
        EpcisEvent shipping = object("2024-02-05T09:00:00.000Z", Action.OBSERVE, "shipping", "in_transit", WHOLESALER_DC, packs(1, 4));
        transfer(shipping, WHOLESALER_PARTY, WHOLESALER_DC, PHARMACY_PARTY, PHARMACY_STORE);
        return List.of(receiving, unpacking, shipping);
    }

    public static List<EpcisEvent> pharmacy() {
        EpcisEvent receiving = object("2024-02-06T09:00:00.000Z", Action.OBSERVE, "receiving", "active", PHARMACY_STORE, packs(1, 4));
        transfer(receiving, WHOLESALER_PARTY, WHOLESALER_DC, PHARMACY_PARTY, PHARMACY_STORE);
        EpcisEvent dispensing = object("2024-02-10T15:30:00.000Z", Action.OBSERVE, "dispensing", "dispensed", PHARMACY_STORE, packs(1, 2));
        return List.of(receiving, dispensing);
    }

    static EpcisEvent object(String time, Action action, String bizStep, String disposition, String location, List<String> epcs) {
        EpcisEvent e = new EpcisEvent(EventType.OBJECT_EVENT).setEventTime(time).setEventTimeZoneOffset("-05:00")
                .setAction(action).setBizStep("urn:epcglobal:cbv:bizstep:" + bizStep)
                .setReadPoint(Location.of(location)).setBizLocation(Location.of(location));
        if (disposition != null) {
            e.setDisposition("urn:epcglobal:cbv:disp:" + disposition);
        }
        e.getEpcList().addAll(epcs);
        return e;
    }

    static EpcisEvent aggregation(String time, Action action, String bizStep, String disposition, String location,
            String parent, List<String> children) {
        EpcisEvent e = new EpcisEvent(EventType.AGGREGATION_EVENT).setEventTime(time).setEventTimeZoneOffset("-05:00")
                .setAction(action).setBizStep("urn:epcglobal:cbv:bizstep:" + bizStep).setParentId(parent)
                .setReadPoint(Location.of(location)).setBizLocation(Location.of(location));
        if (disposition != null) {
            e.setDisposition("urn:epcglobal:cbv:disp:" + disposition);
        }
        e.getChildEpcs().addAll(children);
        return e;
    }

    static void transfer(EpcisEvent e, String fromParty, String fromLocation, String toParty, String toLocation) {
        e.getSourceList().add(new SourceDestination("urn:epcglobal:cbv:sdt:owning_party", fromParty));
        e.getSourceList().add(new SourceDestination("urn:epcglobal:cbv:sdt:location", fromLocation));
        e.getDestinationList().add(new SourceDestination("urn:epcglobal:cbv:sdt:owning_party", toParty));
        e.getDestinationList().add(new SourceDestination("urn:epcglobal:cbv:sdt:location", toLocation));
    }
}
