package io.pra.testkit.quarkus;

import java.util.LinkedHashMap;
import java.util.Map;

import io.pra.testkit.kafka.KafkaBroker;
import io.pra.testkit.SharedInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource giving the application a real Kafka broker: one per JVM, shared by every
 * test class (each uses its own topics or consumer groups), closed when the JVM exits.
 *
 * <p>Init arg {@code topics}: {@code name:partitions} pairs separated by commas, created before
 * the application starts, e.g. {@code "pra.health:3,pra.failover:3"}.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private Map<String, Integer> topics = Map.of();

    @Override
    public void init(Map<String, String> initArgs) {
        topics = parseTopics(initArgs.getOrDefault("topics", ""));
    }

    @Override
    public Map<String, String> start() {
        KafkaBroker broker = SharedInfrastructure.kafka();
        if (!topics.isEmpty()) {
            broker.createTopics(topics);
        }
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        // The broker outlives the application: other test classes in this JVM use it too.
    }

    static Map<String, Integer> parseTopics(String spec) {
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.trim().split(":");
            if (parts.length != 2 || !parts[1].matches("[1-9][0-9]*")) {
                throw new IllegalArgumentException("topics: expected name:partitions, got '" + entry.trim() + "'");
            }
            topics.put(parts[0], Integer.parseInt(parts[1]));
        }
        return topics;
    }
}
