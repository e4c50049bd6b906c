package org.pharmatrace.query.index;

import java.util.Optional;
import org.pharmatrace.gs1.Gs1IdentifierException;
import org.pharmatrace.gs1.Gs1Key;

/**
 * The one spelling the index compares identifiers in. A GS1 key can be written as an EPC URN
 * ({@code urn:epc:id:sgtin:0614141.107346.2018}) or as a GS1 Digital Link on any domain
 * ({@code https://id.gs1.org/01/00614141073467/21/2018}); both become the canonical Digital Link, which needs no
 * company prefix length. Any other URI is compared as given.
 */
public final class Identifiers {

    private Identifiers() {
    }

    /** The canonical form of an identifier (trimmed); {@code null} stays {@code null}. */
    public static String key(String identifier) {
        if (identifier == null) {
            return null;
        }
        String trimmed = identifier.trim();
        return gs1Key(trimmed).map(Gs1Key::toDigitalLink).orElse(trimmed);
    }

    /** The EPC URN of a GS1 key when it can be derived (a Digital Link needs a known company prefix length). */
    public static String urn(String identifier) {
        if (identifier == null) {
            return null;
        }
        String trimmed = identifier.trim();
        if (trimmed.startsWith("urn:epc:")) {
            return trimmed;
        }
        return gs1Key(trimmed).map(Identifiers::epcUri).orElse(null);
    }

    public static Optional<Gs1Key> gs1Key(String identifier) {
        return Gs1Key.tryParse(identifier);
    }

    private static String epcUri(Gs1Key key) {
        if (key.companyPrefixLength() == 0) {
            return null;
        }
        try {
            return key.toEpcUri();
        } catch (Gs1IdentifierException | IllegalStateException e) {
            return null;
        }
    }
}
