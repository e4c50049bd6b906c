package org.pharmatrace.hub.partner;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.pharmatrace.hub.HubProperties;
import org.springframework.stereotype.Component;

/** The configured trading partners, by id, and which of them a party identifier belongs to. */
@Component
public class PartnerDirectory {

    private final Map<String, TradingPartner> partners = new LinkedHashMap<>();

    public PartnerDirectory(HubProperties properties) {
        for (HubProperties.Partner p : properties.partners()) {
            if (p.id() == null || p.id().isBlank() || p.organisation() == null || p.organisation().isBlank()) {
                throw new IllegalStateException("hub.partners: every partner needs an id and an organisation (MSP id)");
            }
            if (partners.put(p.id(), TradingPartner.of(p.id(), p.organisation(), p.parties(), p.companyPrefixes())) != null) {
                throw new IllegalStateException("hub.partners: partner id '" + p.id() + "' is configured twice");
            }
        }
    }

    public Optional<TradingPartner> byId(String id) {
        return Optional.ofNullable(partners.get(id));
    }

    /** The partner that may speak for this party, other than {@code except}, to say whose it is in a refusal. */
    public Optional<TradingPartner> speakerFor(String identifier, TradingPartner except) {
        return partners.values().stream().filter(p -> !p.id().equals(except.id()) && p.speaksFor(identifier))
                .findFirst();
    }
}
