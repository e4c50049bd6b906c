package org.pharmatrace.query.index;

import java.util.Optional;

/**
 * Which organisation (Fabric MSP id) a party or location identifier of a sourceList or destinationList belongs to:
 * the organisations owning an event's parties may see it. The hub's implementation reads the trading partners'
 * configuration ({@link PartnerPartyDirectory}); another can be plugged in as a Spring bean of this type.
 */
public interface PartyDirectory {

    /** The organisation this party or location belongs to, or empty when it is nobody's the hub knows. */
    Optional<String> organisationOf(String partyOrLocation);

    /**
     * A value that changes whenever the mapping does. The index keeps the fingerprint it was built with and
     * recomputes party visibility on start-up when it differs.
     */
    String fingerprint();
}
