package io.pra.events;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pra.events.InvalidEventException.Violation;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns event records into JSON payloads and back. Both directions check the payload against
 * its type's JSON Schema, so a producer cannot publish what a consumer would reject, and a
 * consumer learns which field is wrong instead of getting a half-bound record.
 * Thread-safe; build one and share it.
 */
public final class EventCodec {

    private final ObjectMapper mapper;
    private final EventSchemas schemas;

    /** A codec with the shared mapper and the schemas on the classpath. */
    public EventCodec() {
        this(EventJson.mapper(), EventSchemas.load());
    }

    public EventCodec(ObjectMapper mapper, EventSchemas schemas) {
        this.mapper = mapper;
        this.schemas = schemas;
    }

    /** The JSON payload of an event; an {@link InvalidEventException} if its schema rejects it. */
    public byte[] write(PraEvent event) {
        EventType type = EventType.of(event);
        JsonNode tree = mapper.valueToTree(event);
        requireValid(type, tree);
        try {
            return mapper.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a JSON tree for " + type.type(), e);
        }
    }

    /** Reads a payload whose type is given by a CloudEvents {@code type} string. */
    public PraEvent read(byte[] json, String type) {
        return read(json, EventType.of(type));
    }

    /** Reads a payload of a known type. */
    public PraEvent read(byte[] json, EventType type) {
        return read(json, type, type.recordClass());
    }

    /** Reads a payload into the record class the caller expects. */
    public <T extends PraEvent> T read(byte[] json, Class<T> recordClass) {
        return read(json, EventType.of(recordClass), recordClass);
    }

    private <T extends PraEvent> T read(byte[] json, EventType type, Class<T> recordClass) {
        JsonNode tree = parse(type, json);
        requireValid(type, tree);
        try {
            return mapper.treeToValue(tree, recordClass);
        } catch (JsonProcessingException e) {
            // Only reached when a schema is looser than its record: still the sender's fault.
            throw new InvalidEventException(type.type(), List.of(bindingViolation(e)), e);
        }
    }

    private JsonNode parse(EventType type, byte[] json) {
        if (json == null || json.length == 0) {
            throw new InvalidEventException(type.type(), "", "empty payload");
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + " column " + at.getColumnNr();
            throw new InvalidEventException(type.type(), "", "malformed JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidEventException(type.type(), "", "unreadable payload: " + e.getMessage(), e);
        }
        if (tree.isMissingNode()) {
            throw new InvalidEventException(type.type(), "", "empty payload");
        }
        return tree;
    }

    private void requireValid(EventType type, JsonNode tree) {
        List<Violation> violations = schemas.validate(type, tree);
        if (!violations.isEmpty()) {
            throw new InvalidEventException(type.type(), violations);
        }
    }

    private static Violation bindingViolation(JsonProcessingException e) {
        String pointer = "";
        if (e instanceof JsonMappingException mapping) {
            pointer = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                    .collect(Collectors.joining("/", "/", ""));
        }
        return new Violation(pointer.equals("/") ? "" : pointer, e.getOriginalMessage());
    }
}
