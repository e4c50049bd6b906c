package org.pharmatrace.hub.partner;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A trading partner as the hub knows it: its organisation (Fabric MSP id) and the parties it may speak for, kept as
 * GLNs so that an SGLN, a PGLN and a Digital Link of the same GLN all match, plus whole GS1 company prefixes.
 */
public record TradingPartner(String id, String organisation, Set<String> glns, List<String> companyPrefixes) {

    public TradingPartner {
        glns = Set.copyOf(glns);
        companyPrefixes = List.copyOf(companyPrefixes);
    }

    /** Builds a partner from configured party identifiers in any GLN notation. */
    public static TradingPartner of(String id, String organisation, List<String> parties, List<String> companyPrefixes) {
        for (String party : parties) {
            if (PartyIdentifiers.gln(party).isEmpty()) {
                throw new IllegalStateException("hub.partners[" + id + "].parties: '" + party
                        + "' is not a GLN, SGLN or PGLN (EPC URN, Digital Link or 13 digits)");
            }
        }
        for (String prefix : companyPrefixes) {
            if (!prefix.matches("\\d{6,12}")) {
                throw new IllegalStateException("hub.partners[" + id + "].company-prefixes: '" + prefix
                        + "' is not a GS1 company prefix of 6 to 12 digits");
            }
        }
        Set<String> glns = parties.stream().map(PartyIdentifiers::gln).flatMap(Optional::stream)
                .collect(Collectors.toSet());
        return new TradingPartner(id, organisation, glns, companyPrefixes);
    }

    /**
     * Whether the partner may speak for the party or location this identifier names. Identifiers not built on a
     * GLN cannot be attributed to anyone and are not this method's question: see {@link PartyIdentifiers#gln}.
     */
    public boolean speaksFor(String identifier) {
        Optional<String> gln = PartyIdentifiers.gln(identifier);
        return gln.isPresent()
                && (glns.contains(gln.get()) || companyPrefixes.stream().anyMatch(gln.get()::startsWith));
    }
}
