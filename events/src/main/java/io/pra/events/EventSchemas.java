package io.pra.events;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pra.events.InvalidEventException.Violation;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON Schema of every event type, compiled once. Validators are immutable after
 * construction (vertx-json-schema keeps per-call state on the stack), so one instance is safe
 * to share between threads.
 */
public final class EventSchemas {

    // Every schema has an absolute URN $id, so the base URI is only a formality.
    private static final JsonSchemaOptions OPTIONS = new JsonSchemaOptions()
            .setDraft(Draft.DRAFT202012)
            .setBaseUri("urn:pra:schemas:")
            .setOutputFormat(OutputFormat.Basic);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final Pattern REQUIRED = Pattern.compile("Instance does not have required property \"(.+)\"");
    private static final Pattern WRONG_TYPE = Pattern.compile("Instance type (\\S+) is invalid\\. Expected (.+)");

    private final ObjectMapper mapper;
    private final Map<EventType, Validator> validators;

    private EventSchemas(ObjectMapper mapper, Map<EventType, Validator> validators) {
        this.mapper = mapper;
        this.validators = validators;
    }

    /** Loads and compiles the schema of every registered type from the classpath. */
    public static EventSchemas load() {
        ObjectMapper mapper = EventJson.mapper();
        Map<EventType, Validator> validators = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            JsonObject schema = new JsonObject(readResource(mapper, type.schemaResource()));
            validators.put(type, Validator.create(JsonSchema.of(schema), OPTIONS));
        }
        return new EventSchemas(mapper, validators);
    }

    /** What the type's schema finds wrong with a payload; empty when it is valid. */
    public List<Violation> validate(EventType type, JsonNode payload) {
        if (!payload.isObject()) {
            // Every event payload is an object; say so plainly rather than through the validator.
            String actual = payload.getNodeType().name().toLowerCase(Locale.ROOT);
            return List.of(new Violation("", "expected object but got " + actual));
        }
        OutputUnit result = validators.get(type).validate(new JsonObject(mapper.convertValue(payload, MAP)));
        if (Boolean.TRUE.equals(result.getValid())) {
            return List.of();
        }
        return violations(result);
    }

    private static List<Violation> violations(OutputUnit result) {
        List<OutputUnit> errors = result.getErrors() == null ? List.of() : result.getErrors();
        List<Violation> violations = new ArrayList<>();
        for (OutputUnit error : errors) {
            // Basic output lists every enclosing keyword too ("Property x does not match"):
            // only the innermost failures say something useful.
            if (isLeaf(error, errors)) {
                violations.add(violation(error));
            }
        }
        if (violations.isEmpty()) {
            violations.add(new Violation("", "does not match the schema"));
        }
        return violations;
    }

    private static boolean isLeaf(OutputUnit error, List<OutputUnit> all) {
        String prefix = error.getKeywordLocation() + "/";
        return all.stream().noneMatch(other -> other.getKeywordLocation().startsWith(prefix));
    }

    private static Violation violation(OutputUnit error) {
        String pointer = pointer(error.getInstanceLocation());
        String message = error.getError();
        Matcher required = REQUIRED.matcher(message);
        if (required.matches()) {
            return new Violation(pointer + "/" + required.group(1), "required property is missing");
        }
        Matcher wrongType = WRONG_TYPE.matcher(message);
        if (wrongType.matches()) {
            return new Violation(pointer, "expected " + wrongType.group(2) + " but got " + wrongType.group(1));
        }
        return new Violation(pointer, message);
    }

    /** vertx reports {@code #/a/0}; a JSON pointer is {@code /a/0}, and the root is empty. */
    private static String pointer(String instanceLocation) {
        return instanceLocation.startsWith("#") ? instanceLocation.substring(1) : instanceLocation;
    }

    private static Map<String, Object> readResource(ObjectMapper mapper, String resource) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema resource " + resource + " is missing from the classpath");
            }
            return mapper.readValue(in, MAP);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema resource " + resource, e);
        }
    }
}
