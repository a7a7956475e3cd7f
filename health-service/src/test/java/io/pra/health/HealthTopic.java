package io.pra.health;

import io.pra.events.CloudEventAttributes;
import io.pra.events.CloudEventHeaders;
import io.pra.events.EventCodec;
import io.pra.events.PraEvent;
import io.pra.events.Topics;
import io.pra.testkit.SharedInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code pra.health} on the real broker (from the moment it is opened, or from the start), decoding each record as consumers do
 * (CloudEvents headers, schema validation), and keeps what it read.
 */
final class HealthTopic implements AutoCloseable {

    /** One record as read: its key, CloudEvents attributes and decoded event, and its headers and value as they came. */
    record Received(String key, CloudEventAttributes attributes, PraEvent event, Headers headers, byte[] value) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final EventCodec codec = new EventCodec();
    private final List<Received> received = new ArrayList<>();

    /** Reads from the moment it is opened. */
    HealthTopic() {
        this(false);
    }

    /** Reads everything on the topic (for an application that may have published before the test began). */
    static HealthTopic fromStart() {
        return new HealthTopic(true);
    }

    private HealthTopic(boolean fromStart) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "health-test-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.HEALTH).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        if (fromStart) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        partitions.forEach(consumer::position);
    }

    /** Everything read so far (polls first) whose event is of this type and about this site. */
    synchronized <T extends PraEvent> List<T> events(Class<T> type, String site) {
        poll();
        return received.stream().filter(r -> type.isInstance(r.event()) && r.event().site().equals(site))
                .map(r -> type.cast(r.event())).toList();
    }

    /** The records read so far about this site, with their headers. */
    synchronized List<Received> records(String site) {
        return new ArrayList<>(received.stream().filter(r -> r.event().site().equals(site)).toList());
    }

    /** Everything read so far (polls first), whatever the site. */
    synchronized List<Received> records() {
        poll();
        return new ArrayList<>(received);
    }

    private void poll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            CloudEventAttributes attributes = CloudEventHeaders.read(record.headers());
            received.add(new Received(record.key(), attributes, codec.read(record.value(), attributes.type()),
                    record.headers(), record.value()));
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
