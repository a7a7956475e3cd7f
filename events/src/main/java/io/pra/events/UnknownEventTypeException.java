package io.pra.events;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A type string this version of {@code events} does not know. Consumers usually skip such
 * records (a newer producer may have added the type) rather than dead-letter them.
 */
public class UnknownEventTypeException extends InvalidEventException {

    private static final long serialVersionUID = 1L;
    // Header values come from the wire: never echo an unbounded one into logs.
    private static final int MAX_ECHOED = 80;

    public UnknownEventTypeException(String type) {
        super(null, "type", "unknown event type " + quoted(type) + "; known types: " + knownTypes());
    }

    private static String quoted(String type) {
        if (type == null) {
            return "(none)";
        }
        String shown = type.length() > MAX_ECHOED ? type.substring(0, MAX_ECHOED) + "..." : type;
        return "'" + shown + "'";
    }

    private static String knownTypes() {
        return Arrays.stream(EventType.values()).map(EventType::type).collect(Collectors.joining(", "));
    }
}
