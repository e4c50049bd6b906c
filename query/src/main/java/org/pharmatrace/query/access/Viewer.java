package org.pharmatrace.query.access;

import java.util.Objects;

/**
 * Who is asking, as far as the query side is concerned: a trading partner, who sees the events its organisation
 * recorded and those naming one of its parties as source or destination, or a regulator, who sees every event.
 *
 * @param id the HTTP Basic user
 * @param role PARTNER or REGULATOR
 * @param organisation the partner's MSP id; {@code null} for a regulator
 */
public record Viewer(String id, Role role, String organisation) {

    public enum Role { PARTNER, REGULATOR }

    public Viewer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        if (role == Role.PARTNER && organisation == null) {
            throw new IllegalArgumentException("a partner viewer needs an organisation");
        }
    }

    public static Viewer partner(String id, String organisation) {
        return new Viewer(id, Role.PARTNER, organisation);
    }

    public static Viewer regulator(String id) {
        return new Viewer(id, Role.REGULATOR, null);
    }

    public boolean seesEverything() {
        return role == Role.REGULATOR;
    }

    public boolean isRegulator() {
        return role == Role.REGULATOR;
    }
}
