package org.pharmatrace.epcis.model;

import java.util.List;

/** Dispositions an event sets or unsets for good, beyond the event's own disposition. */
public record PersistentDisposition(List<String> set, List<String> unset) {
    public PersistentDisposition {
        set = List.copyOf(set);
        unset = List.copyOf(unset);
    }
}
