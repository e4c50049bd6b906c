package org.pharmatrace.hub.channel.mllp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pharmatrace.gs1.CompanyPrefixLengths;
import org.pharmatrace.gs1.InMemoryNdcProductCatalog;
import org.pharmatrace.hub.partner.PartnerDirectory;
import org.pharmatrace.hub.partner.TradingPartner;
import org.pharmatrace.mapping.PartnerProfile;
import org.springframework.stereotype.Component;

/**
 * The pharmacy systems that may send over MLLP ({@code hub.channels.mllp.partners}), found by the sending facility
 * of a message (MSH-4.1 or MSH-4.2) and, when configured, its sending application (MSH-3.1). Checked on start-up:
 * every sender names a configured hub partner, and no facility/application pair belongs to two senders.
 */
@Component
public class PharmacySenders {

    /** Stands for "any application" in the lookup keys. */
    private static final String ANY = "";

    private final Map<String, PharmacySender> byFacilityAndApplication = new LinkedHashMap<>();

    public PharmacySenders(MllpChannelProperties properties, PartnerDirectory partners) {
        for (MllpChannelProperties.Sender configured : properties.partners()) {
            String where = "hub.channels.mllp.partners[" + configured.partner() + "]";
            TradingPartner partner = partners.byId(configured.partner()).orElseThrow(() -> new IllegalStateException(
                    where + ": there is no hub partner '" + configured.partner() + "' (hub.partners[].id)"));
            if (configured.sendingFacilities().isEmpty()) {
                throw new IllegalStateException(where + ".sending-facilities: name at least one MSH-4 value");
            }
            PharmacySender sender = new PharmacySender(partner, profile(configured));
            List<String> applications = configured.sendingApplications().isEmpty() ? List.of(ANY)
                    : configured.sendingApplications();
            for (String facility : configured.sendingFacilities()) {
                for (String application : applications) {
                    PharmacySender earlier = byFacilityAndApplication.put(key(facility, application), sender);
                    if (earlier != null) {
                        throw new IllegalStateException(where + ": sending facility '" + facility + "'"
                                + (application.isEmpty() ? "" : " with application '" + application + "'")
                                + " is already configured for partner " + earlier.partner().id());
                    }
                }
            }
        }
    }

    /** The sender of a message with this MSH, if it is one of ours. */
    Optional<PharmacySender> of(MessageHeader header) {
        for (String facility : List.of(header.sendingFacility().get(0), header.sendingFacility().get(1))) {
            if (facility.isEmpty()) {
                continue;
            }
            PharmacySender sender = byFacilityAndApplication.get(key(facility, header.sendingApplication()));
            if (sender == null) {
                sender = byFacilityAndApplication.get(key(facility, ANY));
            }
            if (sender != null) {
                return Optional.of(sender);
            }
        }
        return Optional.empty();
    }

    private static String key(String facility, String application) {
        return facility.strip() + '\u001F' + application.strip();
    }

    private static PartnerProfile profile(MllpChannelProperties.Sender configured) {
        CompanyPrefixLengths lengths = CompanyPrefixLengths.defaults();
        for (Map.Entry<String, Integer> prefix : configured.companyPrefixLengths().entrySet()) {
            lengths = lengths.with(prefix.getKey(), prefix.getValue());
        }
        InMemoryNdcProductCatalog catalog = new InMemoryNdcProductCatalog();
        configured.ndcCatalog().forEach(catalog::add);
        return new PartnerProfile(configured.partner(), blankToNull(configured.owningParty()),
                blankToNull(configured.location()), configured.eventTimeZoneOffset(), lengths, catalog,
                configured.conventions());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
