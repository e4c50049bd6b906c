package org.pharmatrace.hub.partner;

import java.util.Optional;
import java.util.regex.Pattern;
import org.pharmatrace.gs1.Gs1Key;
import org.pharmatrace.gs1.Gs1KeyType;

/**
 * Reduces party and location identifiers to the GLN they are built on: {@code urn:epc:id:sgln:030001.111111.0},
 * {@code urn:epc:id:pgln:030001.111111}, {@code https://id.gs1.org/414/0300011111116} and {@code 0300011111116}
 * name the same company. An SGLN extension names a place inside the GLN's location, so it does not change whose it is.
 */
public final class PartyIdentifiers {

    private static final Pattern GLN_13 = Pattern.compile("\\d{13}");

    private PartyIdentifiers() {
    }

    public static Optional<String> gln(String identifier) {
        if (identifier == null) {
            return Optional.empty();
        }
        String trimmed = identifier.trim();
        if (GLN_13.matcher(trimmed).matches()) {
            return Optional.of(trimmed);
        }
        return Gs1Key.tryParse(trimmed)
                .filter(key -> key.type() == Gs1KeyType.SGLN || key.type() == Gs1KeyType.PGLN)
                .map(Gs1Key::gs1KeyValue);
    }
}
