package io.pra.events;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An event that cannot be read or written: malformed JSON, a payload its schema rejects, or
 * missing or wrong CloudEvents attributes. Consumers send such records to their dead-letter
 * topic with {@link #getMessage()} as the reason.
 */
public class InvalidEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_LISTED = 10;

    /** Event type, or null when it is not known (e.g. the type header itself is missing). */
    private final String eventType;
    private final List<Violation> violations;

    /** One thing wrong with an event: where, and why. */
    public record Violation(String location, String reason) implements Serializable {

        /** {@code location: reason}, or the reason alone for the whole document. */
        @Override
        public String toString() {
            return location.isEmpty() ? reason : location + ": " + reason;
        }
    }

    public InvalidEventException(String eventType, List<Violation> violations) {
        this(eventType, violations, null);
    }

    public InvalidEventException(String eventType, List<Violation> violations, Throwable cause) {
        super(message(eventType, violations), cause);
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid event needs at least one violation");
        }
        this.eventType = eventType;
        this.violations = List.copyOf(violations);
    }

    public InvalidEventException(String eventType, String location, String reason) {
        this(eventType, List.of(new Violation(location, reason)));
    }

    public InvalidEventException(String eventType, String location, String reason, Throwable cause) {
        this(eventType, List.of(new Violation(location, reason)), cause);
    }

    /** Event type the failure is about, or null when it could not be told. */
    public String eventType() {
        return eventType;
    }

    /** Everything found wrong, in document order as far as the validator reports it. */
    public List<Violation> violations() {
        return violations;
    }

    /**
     * Where the first problem is: a JSON pointer into the payload ({@code /sequence}), empty for
     * the whole document, or a CloudEvents attribute / header name ({@code ce_subject}).
     */
    public String location() {
        return violations.get(0).location();
    }

    /** Why the first problem is one. */
    public String reason() {
        return violations.get(0).reason();
    }

    private static String message(String eventType, List<Violation> violations) {
        String listed = violations.stream().limit(MAX_LISTED).map(Violation::toString)
                .collect(Collectors.joining("; "));
        if (violations.size() > MAX_LISTED) {
            listed += "; and " + (violations.size() - MAX_LISTED) + " more";
        }
        return eventType == null ? listed : eventType + ": " + listed;
    }
}
