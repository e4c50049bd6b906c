package org.pharmatrace.epcis.model;

import java.util.List;

/** A readPoint or bizLocation: its identifier plus any extension elements it carries. */
public record Location(String id, List<ExtensionElement> extensions) {
    public Location {
        extensions = List.copyOf(extensions);
    }

    public static Location of(String id) {
        return new Location(id, List.of());
    }
}
