package io.pra.testkit.k8s.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * fabric8's typed Kubernetes model, read strictly: no coercion between JSON scalars (a number where the API expects a
 * string is refused, as Go's decoder refuses it), and every field fabric8 could not place (it keeps them in
 * {@code additionalProperties}) reported with its path, at any depth.
 */
final class TypedModel {

    /** A value that could not be read into its typed class, at {@link #path}. */
    static final class Unreadable extends Exception {

        final String path;

        Unreadable(String path, String message) {
            super(message);
            this.path = path;
        }
    }

    private static final class Holder {
        static final TypedModel SHARED = new TypedModel();
    }

    private static final Pattern QUANTITY = Pattern.compile("^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$");

    private final ObjectMapper mapper;
    private final KubernetesSerialization serialization;

    TypedModel() {
        mapper = JsonMapper.builder()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        for (LogicalType type : List.of(LogicalType.Textual, LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, type == LogicalType.Integer ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, type == LogicalType.Float || type == LogicalType.Integer
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, type == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, type == LogicalType.Textual ? CoercionAction.TryConvert : CoercionAction.Fail);
        }
        // fabric8 registers its modules (int-or-string, quantities, its kinds) on this mapper; the strict integer
        // module comes after, so it replaces fabric8's Go-compatibility one, which reads "3" into an int.
        serialization = new KubernetesSerialization(mapper, true);
        mapper.registerModule(new SimpleModule("pra-strict-integers").addDeserializer(Integer.class, new StrictInteger()));
    }

    /** One model for everyone: building fabric8's kind registry takes a while, and the model is read-only after. */
    static TypedModel shared() {
        return Holder.SHARED;
    }

    /** Go's decoder: a JSON number without a fractional part that fits an int32; never a string. */
    private static final class StrictInteger extends StdScalarDeserializer<Integer> {

        StrictInteger() {
            super(Integer.class);
        }

        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                double value = parser.getValueAsDouble();
                if (value == Math.rint(value) && value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
                    return (int) value;
                }
            }
            return (Integer) context.handleUnexpectedToken(Integer.class, parser);
        }
    }

    /** fabric8's class for {@code apiVersion}/{@code kind}, if its model has one. */
    Optional<Class<? extends KubernetesResource>> classOf(String apiVersion, String kind) {
        return Optional.ofNullable(serialization.getRegisteredKubernetesResource(apiVersion, kind));
    }

    /** Reads {@code json} into {@code type}; a value of the wrong type is {@link Unreadable}, naming its path. */
    <T> T read(JsonNode json, Class<T> type, String path) throws Unreadable {
        try {
            return mapper.treeToValue(json, type);
        } catch (JsonMappingException e) {
            String where = path;
            for (JsonMappingException.Reference step : e.getPath()) {
                where = step.getFieldName() != null ? Violation.child(where, step.getFieldName()) : Violation.index(where, step.getIndex());
            }
            String message = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
            throw new Unreadable(where, message.lines().findFirst().orElse(message));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new Unreadable(path, String.valueOf(e.getMessage()));
        }
    }

    /**
     * What {@code typed} (read from {@code json}) shows: the paths of the fields it has no place for (with
     * {@code remove}, also removed from {@code json}, as the API server drops them), and quantities that are not
     * Kubernetes quantities (fabric8 reads any scalar into one; the API server parses them).
     */
    static Findings inspect(Object typed, JsonNode json, String path, boolean remove) {
        Findings findings = new Findings(new ArrayList<>(), new ArrayList<>());
        walk(typed, json, path, remove, findings);
        return findings;
    }

    /** Unknown field paths, and violations found in values fabric8 accepted. */
    record Findings(List<String> unknownFields, List<Violation> violations) {
    }

    private static void walk(Object typed, JsonNode json, String path, boolean remove, Findings findings) {
        if (typed == null || json == null) {
            return;
        }
        if (typed instanceof Quantity) {
            if (!(json.isNumber() || (json.isTextual() && QUANTITY.matcher(json.asText()).matches()))) {
                findings.violations().add(new Violation(path, Violation.Type.INVALID,
                        "quantities must match the regular expression '" + QUANTITY.pattern() + "': " + json));
            }
        } else if (typed instanceof List<?> list) {
            for (int i = 0; i < list.size() && i < json.size(); i++) {
                walk(list.get(i), json.get(i), Violation.index(path, i), remove, findings);
            }
        } else if (typed instanceof Map<?, ?> map) {
            map.forEach((key, value) -> walk(value, json.get(String.valueOf(key)), Violation.key(path, String.valueOf(key)),
                    remove, findings));
        } else if (typed.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            for (Class<?> type = typed.getClass(); type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    visitField(typed, field, json, path, remove, findings);
                }
            }
        }
    }

    private static void visitField(Object typed, Field field, JsonNode json, String path, boolean remove,
            Findings findings) {
        if (Modifier.isStatic(field.getModifiers())) {
            return;
        }
        JsonProperty property = field.getAnnotation(JsonProperty.class);
        boolean extra = field.getName().equals("additionalProperties") && Map.class.isAssignableFrom(field.getType());
        if (property == null && !extra) {
            return;
        }
        field.setAccessible(true);
        Object value;
        try {
            value = field.get(typed);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
        if (extra) {
            for (Object name : ((Map<?, ?>) value == null ? Map.of() : (Map<?, ?>) value).keySet()) {
                findings.unknownFields().add(Violation.child(path, String.valueOf(name)));
                if (remove && json instanceof ObjectNode object) {
                    object.remove(String.valueOf(name));
                }
            }
        } else {
            String name = property.value().isEmpty() ? field.getName() : property.value();
            walk(value, json.get(name), Violation.child(path, name), remove, findings);
        }
    }
}
