package io.pra.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventSchemasTest {

    // Keywords that JSON Schema draft-07 tooling (AsyncAPI's default) also understands; $defs is
    // only reached through "#/$defs/..." pointers, which such tools resolve as plain pointers.
    private static final Set<String> PORTABLE_KEYWORDS = Set.of("$schema", "$id", "$ref", "$defs", "title",
            "description", "type", "required", "properties", "additionalProperties", "items", "minItems", "enum",
            "format", "minLength", "minimum", "maximum", "anyOf");

    private static final EventSchemas SCHEMAS = EventSchemas.load();
    private static final EventCodec CODEC = new EventCodec();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleOfEachTypeValidates(EventType type) {
        JsonNode sample = EventJson.mapper().valueToTree(EventFixtures.sample(type));

        assertThat(SCHEMAS.validate(type, sample)).isEmpty();
    }

    @Test
    void schemaFilesAndRegisteredTypesMatchOneToOne() throws IOException {
        Set<String> files;
        try (Stream<Path> listing = Files.list(schemaFolder())) {
            files = listing.map(path -> path.getFileName().toString()).collect(Collectors.toSet());
        }

        assertThat(files).containsExactlyInAnyOrderElementsOf(Arrays.stream(EventType.values())
                .map(type -> type.schemaResource().substring(EventType.SCHEMA_FOLDER.length()))
                .collect(Collectors.toList()));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaDescribesItsTypeAndAllowsUnknownFields(EventType type) {
        JsonNode schema = schema(type);

        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).isEqualTo("urn:pra:schema:" + type.type());
        assertThat(schema.path("title").asText()).isEqualTo(type.type());
        assertThat(schema.path("description").asText()).isNotBlank();
        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertThat(schema.path("additionalProperties").asBoolean()).isTrue();
        assertThat(names(schema.path("properties"))).containsAll(strings(schema.path("required")));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaPropertiesAreExactlyTheRecordComponents(EventType type) {
        Set<String> components = Arrays.stream(type.recordClass().getRecordComponents())
                .map(component -> component.getName()).collect(Collectors.toSet());
        JsonNode written = EventJson.mapper().valueToTree(EventFixtures.sample(type));

        assertThat(names(schema(type).path("properties"))).isEqualTo(components);
        assertThat(names(written)).isSubsetOf(components);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void primitiveComponentsAreRequired(EventType type) {
        // An absent primitive would silently bind to 0 or false: the schema must demand it.
        List<String> primitives = Arrays.stream(type.recordClass().getRecordComponents())
                .filter(component -> component.getType().isPrimitive())
                .map(component -> component.getName()).collect(Collectors.toList());

        assertThat(strings(schema(type).path("required"))).containsAll(primitives);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void payloadWithOnlyRequiredFieldsIsRead(EventType type) {
        ObjectNode minimal = EventJson.mapper().valueToTree(EventFixtures.sample(type));
        Set<String> required = new HashSet<>(strings(schema(type).path("required")));
        minimal.retain(required);

        assertThat(CODEC.read(minimal.toString().getBytes(StandardCharsets.UTF_8), type))
                .isInstanceOf(type.recordClass());
    }

    @Test
    void sharedDefinitionsAreIdenticalInEveryFile() {
        // Each schema is self-contained (readable without a resolver), so shared $defs are
        // copied: this keeps the copies from drifting apart.
        Map<String, JsonNode> firstSeen = new HashMap<>();
        Map<String, EventType> seenIn = new HashMap<>();
        for (EventType type : EventType.values()) {
            schema(type).path("$defs").properties().forEach(def -> {
                JsonNode earlier = firstSeen.putIfAbsent(def.getKey(), def.getValue());
                seenIn.putIfAbsent(def.getKey(), type);
                assertThat(def.getValue())
                        .as("$defs/%s in %s differs from the one in %s", def.getKey(), type.type(),
                                seenIn.get(def.getKey()).type())
                        .isEqualTo(earlier == null ? def.getValue() : earlier);
            });
        }
        assertThat(firstSeen).containsKeys("evidence", "failingCheck", "vote", "backupRef", "phaseDuration");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemasUseOnlyPortableKeywords(EventType type) {
        List<String> used = new ArrayList<>();
        collectKeywords(schema(type), used);

        assertThat(used).isSubsetOf(PORTABLE_KEYWORDS);
    }

    private static void collectKeywords(JsonNode schema, List<String> into) {
        schema.properties().forEach(entry -> {
            into.add(entry.getKey());
            JsonNode value = entry.getValue();
            switch (entry.getKey()) {
                case "properties", "$defs" -> value.properties().forEach(sub -> collectKeywords(sub.getValue(), into));
                case "items", "additionalProperties" -> {
                    if (value.isObject()) {
                        collectKeywords(value, into);
                    }
                }
                case "anyOf" -> value.forEach(sub -> collectKeywords(sub, into));
                default -> {
                }
            }
        });
    }

    private static JsonNode schema(EventType type) {
        try (InputStream in = EventSchemasTest.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            assertThat(in).as(type.schemaResource()).isNotNull();
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path schemaFolder() {
        try {
            return Paths.get(EventSchemasTest.class.getClassLoader().getResource(EventType.SCHEMA_FOLDER).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
