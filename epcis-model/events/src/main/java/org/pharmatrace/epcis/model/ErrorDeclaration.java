package org.pharmatrace.epcis.model;

import java.util.List;

/** Declares that an earlier event was in error, optionally naming the events that correct it. */
public record ErrorDeclaration(String declarationTime, String reason, List<String> correctiveEventIds,
                               List<ExtensionElement> extensions) {
    public ErrorDeclaration {
        correctiveEventIds = List.copyOf(correctiveEventIds);
        extensions = List.copyOf(extensions);
    }
}
