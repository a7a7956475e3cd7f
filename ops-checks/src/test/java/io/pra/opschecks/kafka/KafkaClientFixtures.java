package io.pra.opschecks.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Kafka clients as PRA's code creates them, and the deliberately wrong KafkaUsers of {@code refused/kafka-users.yaml}. */
final class KafkaClientFixtures {

    private KafkaClientFixtures() {
    }

    static KafkaClient observer() {
        return new KafkaClient("health-service", "channel health-events (outgoing)", KafkaNeed.produce("pra.health", true));
    }

    static List<KafkaClient> failoverService() {
        return List.of(
                new KafkaClient("failover-service", "channel health-events (incoming)",
                        KafkaNeed.consume("pra.health", "failover-service-votes", false)),
                new KafkaClient("failover-service", "channel backup-events (incoming)",
                        KafkaNeed.consume("pra.backup", "failover-service-backups", false)));
    }

    static KafkaClient notifierService() {
        return new KafkaClient("notifier-service", "channel pra-events (incoming)", Stream.of("pra.backup", "pra.health")
                .flatMap(topic -> KafkaNeed.consume(topic, "notifier-service", false).stream()).toList());
    }

    static KafkaClient praEvents() {
        List<KafkaNeed> needs = new ArrayList<>();
        for (String topic : List.of("pra.backup", "pra.health", "pra.failover", "pra.dlq.notifier-service")) {
            needs.addAll(KafkaNeed.consume(topic, "pra-cli-events-", true));
        }
        return new KafkaClient("cli", "pra events", needs);
    }

    /** The KafkaUser of the refused fixture with this name. */
    static JsonNode refusedUser(String name) {
        try (InputStream yaml = KafkaClientFixtures.class.getResourceAsStream("/refused/kafka-users.yaml")) {
            List<JsonNode> users = new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll();
            return users.stream().filter(u -> name.equals(u.at("/metadata/name").asText())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no KafkaUser " + name + " in refused/kafka-users.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
