package org.pharmatrace.epcis.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Gathers errors from the validation passes, bounded, without reporting the same finding twice. */
final class ErrorCollector {

    static final int MAX_REPORTED = 1000;

    private final List<ValidationError> errors = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private long count;

    void add(ValidationError error) {
        String key = error.eventIndex() + "|" + error.field() + "|" + error.message();
        if (errors.size() < MAX_REPORTED) {
            if (seen.add(key)) {
                errors.add(error);
                count++;
            }
        } else {
            count++;
        }
    }

    void add(long eventIndex, String eventId, String field, String message) {
        add(new ValidationError(eventIndex, eventId, field, message, -1));
    }

    List<ValidationError> errors() {
        return List.copyOf(errors);
    }

    long count() {
        return count;
    }

    boolean isEmpty() {
        return count == 0;
    }
}
