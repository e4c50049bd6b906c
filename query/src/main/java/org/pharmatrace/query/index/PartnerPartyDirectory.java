package org.pharmatrace.query.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.pharmatrace.hub.HubProperties;
import org.pharmatrace.hub.partner.TradingPartner;

/**
 * The party directory of the hub's configuration: a party belongs to the organisation of the trading partner that
 * speaks for it ({@code hub.partners[].parties} and {@code company-prefixes}, compared by GLN whatever the notation).
 */
public final class PartnerPartyDirectory implements PartyDirectory {

    private final List<TradingPartner> partners;
    private final String fingerprint;

    public PartnerPartyDirectory(HubProperties properties) {
        this.partners = properties.partners().stream()
                .map(p -> TradingPartner.of(p.id(), p.organisation(), p.parties(), p.companyPrefixes()))
                .toList();
        TreeSet<String> lines = new TreeSet<>();
        for (TradingPartner p : partners) {
            lines.add(p.organisation() + "|" + new TreeSet<>(p.glns()) + "|" + new TreeSet<>(p.companyPrefixes()));
        }
        this.fingerprint = sha256(String.join("\n", lines));
    }

    @Override
    public Optional<String> organisationOf(String partyOrLocation) {
        return partners.stream().filter(p -> p.speaksFor(partyOrLocation)).map(TradingPartner::organisation).findFirst();
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
