package org.pharmatrace.hub.channel.mllp;

import org.pharmatrace.hub.partner.TradingPartner;
import org.pharmatrace.mapping.PartnerProfile;

/** A pharmacy system allowed to send: the hub partner its events are captured for and the profile they map with. */
record PharmacySender(TradingPartner partner, PartnerProfile profile) {
}
