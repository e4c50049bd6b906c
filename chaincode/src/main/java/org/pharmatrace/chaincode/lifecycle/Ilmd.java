package org.pharmatrace.chaincode.lifecycle;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.pharmatrace.epcis.cbv.EpcisNamespaces;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.gs1.Gs1Characters;
import org.pharmatrace.gs1.Gs1Key;

/**
 * Lot and expiry from a commissioning event's instance/lot master data, in the CBV master data attributes
 * ({@code cbvmda:lotNumber}, {@code cbvmda:itemExpirationDate}) or the GS1 Web Vocabulary forms.
 */
final class Ilmd {

    /**
     * Namespaces without their trailing separator: the same vocabulary is written {@code urn:epcglobal:cbv:mda} in
     * XML and {@code urn:epcglobal:cbv:mda#} or {@code …mda:} in JSON-LD contexts.
     */
    private static final Set<String> VOCABULARIES = Set.of(
            bare(EpcisNamespaces.CBV_MASTER_DATA_ATTRIBUTES), bare(EpcisNamespaces.GS1_WEB_VOCABULARY),
            "https://ref.gs1.org/voc");
    private static final Set<String> LOT_NAMES = Set.of("lotNumber", "hasBatchLotNumber", "batchLotNumber");
    private static final Set<String> EXPIRY_NAMES = Set.of("itemExpirationDate", "expirationDate", "hasExpirationDate");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private Ilmd() {
    }

    /**
     * The batch/lot.
     *
     * @throws IllegalArgumentException when it is not a GS1 batch/lot (it becomes part of the lot index key)
     */
    static String lot(EpcisEvent event) {
        String lot = value(event.getIlmd(), LOT_NAMES);
        if (lot != null && !Gs1Key.isValidBatchLot(lot)) {
            throw new IllegalArgumentException("lot '" + lot + "' is not a GS1 batch/lot (AI 10: 1 to "
                    + Gs1Key.MAX_SERIAL_OR_LOT_LENGTH + " characters of GS1 character set 82)" + firstBad(lot));
        }
        return lot;
    }

    private static String firstBad(String lot) {
        int bad = Gs1Characters.firstOutsideSet82(lot);
        return bad < 0 ? "" : "; " + Gs1Characters.describe(lot.charAt(bad)) + " is not allowed";
    }

    /**
     * The expiry date as yyyy-MM-dd (a date-time is cut to its date).
     *
     * @throws IllegalArgumentException when an expiry is given that is not a date
     */
    static String expiry(EpcisEvent event) {
        String value = value(event.getIlmd(), EXPIRY_NAMES);
        if (value == null) {
            return null;
        }
        if (value.length() < 10 || !DATE.matcher(value.substring(0, 10)).matches()) {
            throw new IllegalArgumentException("expiry '" + value + "' is not a date (yyyy-MM-dd)");
        }
        return value.substring(0, 10);
    }

    private static String value(List<ExtensionElement> ilmd, Set<String> names) {
        if (ilmd == null) {
            return null;
        }
        for (ExtensionElement element : ilmd) {
            if (VOCABULARIES.contains(bare(element.name().getNamespaceURI()))
                    && names.contains(element.name().getLocalPart())
                    && element.text() != null && !element.text().isBlank()) {
                return element.text().trim();
            }
        }
        return null;
    }

    private static String bare(String namespace) {
        String ns = namespace == null ? "" : namespace;
        while (!ns.isEmpty() && "#:/".indexOf(ns.charAt(ns.length() - 1)) >= 0) {
            ns = ns.substring(0, ns.length() - 1);
        }
        return ns;
    }
}
