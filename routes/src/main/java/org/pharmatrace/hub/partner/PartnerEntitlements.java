package org.pharmatrace.hub.partner;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.pharmatrace.epcis.cbv.CbvVocabulary;
import org.pharmatrace.epcis.cbv.EpcisNamespaces;
import org.pharmatrace.epcis.model.EpcisDocumentInfo;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.epcis.model.Location;
import org.pharmatrace.epcis.model.SourceDestination;
import org.pharmatrace.hub.problem.EventProblem;
import org.springframework.stereotype.Component;

/**
 * What a partner may claim in what it captures. Every GLN-based identifier that says who is acting must be one of
 * the partner's parties (or under one of its company prefixes):
 * <ul>
 *   <li>the document's sender (SBDH {@code Sender/Identifier}, JSON-LD {@code sender});</li>
 *   <li>each event's {@code readPoint} and {@code bizLocation}: the place where the event was captured;</li>
 *   <li>for shipping steps ({@code shipping}, {@code departing}, {@code void_shipping}) every {@code sourceList}
 *       entry, and for receiving steps ({@code receiving}, {@code arriving}, {@code accepting}) every
 *       {@code destinationList} entry: the side of the transfer that captures the event. The other side names the
 *       trading partner, which is someone else by nature.</li>
 * </ul>
 * Identifiers that are not built on a GLN cannot be attributed and are left alone.
 */
@Component
public class PartnerEntitlements {

    private static final Set<String> SHIPPING_STEPS = Set.of("shipping", "departing", "void_shipping");
    private static final Set<String> RECEIVING_STEPS = Set.of("receiving", "arriving", "accepting");

    private final PartnerDirectory directory;

    public PartnerEntitlements(PartnerDirectory directory) {
        this.directory = directory;
    }

    /** The document-level claims: who sends it. */
    public List<EventProblem> checkDocument(EpcisDocumentInfo document, TradingPartner partner) {
        List<EventProblem> problems = new ArrayList<>();
        check(document.getSender(), "sender", -1, null, partner, problems);
        ExtensionElement sbdh = document.getHeader().standardBusinessDocumentHeader();
        ExtensionElement sender = sbdh == null ? null : sbdh.child(EpcisNamespaces.SBDH, "Sender");
        ExtensionElement identifier = sender == null ? null : sender.child(EpcisNamespaces.SBDH, "Identifier");
        if (identifier != null) {
            check(identifier.text(), "StandardBusinessDocumentHeader.Sender.Identifier", -1, null, partner, problems);
        }
        return problems;
    }

    /** The claims of one event, located by its position in the document. */
    public List<EventProblem> checkEvent(EpcisEvent event, long index, TradingPartner partner) {
        List<EventProblem> problems = new ArrayList<>();
        String eventId = event.getEventId();
        check(id(event.getReadPoint()), "readPoint", index, eventId, partner, problems);
        check(id(event.getBizLocation()), "bizLocation", index, eventId, partner, problems);
        String step = event.getBizStep() == null ? "" : CbvVocabulary.BIZ_STEP.bareName(event.getBizStep());
        if (step == null) {
            return problems; // not a CBV step: the rules say so, nothing to infer about sides
        }
        if (SHIPPING_STEPS.contains(step)) {
            checkAll(event.getSourceList(), "sourceList", index, eventId, partner, problems);
        } else if (RECEIVING_STEPS.contains(step)) {
            checkAll(event.getDestinationList(), "destinationList", index, eventId, partner, problems);
        }
        return problems;
    }

    private void checkAll(List<SourceDestination> entries, String field, long index, String eventId,
                          TradingPartner partner, List<EventProblem> problems) {
        for (int i = 0; i < entries.size(); i++) {
            check(entries.get(i).value(), field + "[" + i + "]", index, eventId, partner, problems);
        }
    }

    private void check(String identifier, String field, long index, String eventId, TradingPartner partner,
                       List<EventProblem> problems) {
        if (identifier == null || PartyIdentifiers.gln(identifier).isEmpty() || partner.speaksFor(identifier)) {
            return;
        }
        String whose = directory.speakerFor(identifier, partner)
                .map(other -> "belongs to organisation " + other.organisation() + " (partner " + other.id() + ")")
                .orElse("is not one of the parties");
        problems.add(new EventProblem(index, eventId, field, identifier + " " + whose + "; partner " + partner.id()
                + " (organisation " + partner.organisation() + ") may only speak for its own parties and locations"));
    }

    private static String id(Location location) {
        return location == null ? null : location.id();
    }
}
