package io.pra.backup.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.pra.events.CloudEventAttributes;
import io.pra.events.CloudEventHeaders;
import io.pra.events.EventCodec;
import io.pra.events.PraEvent;

/** Reads PRA events from the real broker, from the beginning of the given topics, decoded and validated. */
public final class EventTap implements AutoCloseable {

    /** One consumed event: its CloudEvents attributes, payload and record key. */
    public record Received(CloudEventAttributes attributes, PraEvent event, String key) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final EventCodec codec = new EventCodec();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public EventTap(String bootstrapServers, String... topics) {
        Properties properties = new Properties();
        properties.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "backup-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"));
        consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topics));
    }

    /** Polls once more and returns every event received so far that matches. */
    public synchronized List<Received> matching(Predicate<Received> filter) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            CloudEventAttributes attributes = CloudEventHeaders.read(record.headers());
            received.add(new Received(attributes, codec.read(record.value(), attributes.type()), record.key()));
        }
        List<Received> result = new ArrayList<>();
        for (Received event : received) {
            if (filter.test(event)) {
                result.add(event);
            }
        }
        return result;
    }

    /** Events of one class that match. */
    public <T extends PraEvent> List<T> events(Class<T> type, Predicate<T> filter) {
        return matching(event -> type.isInstance(event.event()) && filter.test(type.cast(event.event()))).stream()
                .map(event -> type.cast(event.event())).toList();
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
