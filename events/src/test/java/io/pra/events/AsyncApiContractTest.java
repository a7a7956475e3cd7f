package io.pra.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** docs/asyncapi.yaml against the registry: same types, topics, schemas and headers. */
class AsyncApiContractTest {

    private static final String DEAD_LETTER = "dead-letter";

    private static Path asyncApiFile;
    private static JsonNode asyncApi;

    @BeforeAll
    static void load() throws IOException {
        String location = System.getProperty("pra.asyncapi.file");
        assertThat(location).as("system property pra.asyncapi.file (set by the events pom)").isNotBlank();
        asyncApiFile = Paths.get(location);
        asyncApi = new ObjectMapper(new YAMLFactory()).readTree(asyncApiFile.toFile());
    }

    @Test
    void isAsyncApi3() {
        assertThat(asyncApi.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(asyncApi.path("info").path("description").asText())
                .contains("binary mode", "ce_id", "record key is the site id", "pra.dlq.", "additive");
    }

    @Test
    void messagesAreExactlyTheRegisteredTypes() {
        List<String> documented = messages().values().stream()
                .map(message -> message.path("name").asText())
                .filter(name -> !name.equals(DEAD_LETTER))
                .collect(Collectors.toList());

        assertThat(documented).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                Arrays.stream(EventType.values()).map(EventType::type).collect(Collectors.toList()));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void messagePointsAtTheTypesSchemaAndHeaders(EventType type) {
        JsonNode message = message(type);

        String payloadRef = message.path("payload").path("$ref").asText();
        assertThat(payloadRef).isEqualTo("../events/src/main/resources/" + type.schemaResource());
        assertThat(asyncApiFile.resolveSibling(payloadRef).normalize()).exists();
        assertThat(message.at("/headers/allOf/0/$ref").asText()).isEqualTo("#/components/schemas/cloudEventHeaders");
        assertThat(message.at("/headers/allOf/1/properties/ce_type/const").asText()).isEqualTo(type.type());
        assertThat(message.at("/bindings/kafka/key/$ref").asText()).isEqualTo("#/components/schemas/siteKey");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void messageIsOnTheChannelOfItsTopic(EventType type) {
        String key = messageKey(type);
        List<String> channels = new ArrayList<>();
        asyncApi.path("channels").properties().forEach(channel -> {
            if (channel.getValue().path("messages").has(key)) {
                channels.add(channel.getValue().path("address").asText());
            }
        });

        assertThat(channels).containsExactly(type.topic());
    }

    @Test
    void cloudEventHeadersAreTheOnesWeWrite() {
        JsonNode headers = asyncApi.at("/components/schemas/cloudEventHeaders/properties");
        List<String> names = new ArrayList<>();
        headers.fieldNames().forEachRemaining(names::add);

        assertThat(names).containsExactlyInAnyOrder(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.ID,
                CloudEventHeaders.SOURCE, CloudEventHeaders.TYPE, CloudEventHeaders.SUBJECT, CloudEventHeaders.TIME,
                CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.DATA_CONTENT_TYPE);
        assertThat(headers.at("/ce_source/pattern").asText())
                .isEqualTo("^" + CloudEventAttributes.SOURCE.pattern() + "$");
    }

    @Test
    void deadLetterChannelMatchesTheTopicHelper() {
        JsonNode channel = asyncApi.at("/channels/deadLetter");
        String address = channel.path("address").asText();

        channel.at("/parameters/service/enum").forEach(service ->
                assertThat(Topics.dlq(service.asText())).isEqualTo(address.replace("{service}", service.asText())));
        assertThat(channel.at("/parameters/service/enum")).isNotEmpty();
    }

    @Test
    void operationsReferToExistingChannelsAndTheirMessages() {
        asyncApi.path("operations").properties().forEach(operation -> {
            JsonNode op = operation.getValue();
            assertThat(op.path("action").asText()).as(operation.getKey()).isIn("send", "receive");
            JsonNode channel = resolve(op.path("channel").path("$ref").asText());
            assertThat(channel.isMissingNode()).as(operation.getKey() + " channel").isFalse();
            op.path("messages").forEach(message -> {
                String ref = message.path("$ref").asText();
                assertThat(ref).as(operation.getKey()).startsWith(op.path("channel").path("$ref").asText() + "/messages/");
                assertThat(resolve(ref).isMissingNode()).as(ref).isFalse();
            });
        });
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void someServiceSendsAndSomeServiceReceivesEachType(EventType type) {
        String ref = "#/channels/" + channelKey(type) + "/messages/" + messageKey(type);
        List<String> actions = new ArrayList<>();
        asyncApi.path("operations").forEach(op -> op.path("messages").forEach(message -> {
            if (message.path("$ref").asText().equals(ref)) {
                actions.add(op.path("action").asText());
            }
        }));

        assertThat(actions).contains("send", "receive");
    }

    private static JsonNode resolve(String ref) {
        assertThat(ref).startsWith("#/");
        return asyncApi.at(ref.substring(1));
    }

    private static Map<String, JsonNode> messages() {
        Map<String, JsonNode> messages = new LinkedHashMap<>();
        asyncApi.at("/components/messages").properties().forEach(e -> messages.put(e.getKey(), e.getValue()));
        return messages;
    }

    private static String messageKey(EventType type) {
        return messages().entrySet().stream()
                .filter(e -> e.getValue().path("name").asText().equals(type.type()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no message named " + type.type()));
    }

    private static JsonNode message(EventType type) {
        return messages().get(messageKey(type));
    }

    private static String channelKey(EventType type) {
        List<String> keys = new ArrayList<>();
        asyncApi.path("channels").properties().forEach(channel -> {
            if (channel.getValue().path("address").asText().equals(type.topic())) {
                keys.add(channel.getKey());
            }
        });
        assertThat(keys).hasSize(1);
        return keys.get(0);
    }
}
