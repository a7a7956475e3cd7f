package io.pra.failover.it;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.pra.events.CloudEventAttributes;
import io.pra.events.CloudEventFactory;
import io.pra.events.CloudEventHeaders;
import io.pra.events.EventCodec;
import io.pra.events.EventType;
import io.pra.events.PraEvent;
import io.pra.events.Topics;
import io.pra.events.health.SiteDown;
import io.pra.events.health.SiteUp;

/** Publishes events as PRA producers do and reads topics from the beginning, for the ITs. */
final class KafkaFixtures implements AutoCloseable {

    private final String bootstrap;
    private final EventCodec codec = new EventCodec();
    private final CloudEventFactory cloudEvents;
    private final KafkaProducer<String, byte[]> producer;

    private final Clock clock;
    private final TestObservers observers;

    KafkaFixtures(String bootstrap, Clock clock) {
        this.bootstrap = bootstrap;
        this.clock = clock;
        this.observers = TestObservers.fromConfig();
        this.cloudEvents = new CloudEventFactory("health-service", "test", clock);
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Publishes {@code event} on its topic with fresh CloudEvents attributes; returns its id. A vote is published as
     * its observer publishes it: its source names the observer and it is signed with the observer's key.
     */
    UUID publish(PraEvent event) {
        CloudEventAttributes attributes = attributesFor(event);
        send(EventType.of(event).topic(), attributes, event);
        return UUID.fromString(attributes.id());
    }

    /** Publishes a vote as an observer older than signed votes did: same record, no signature headers. */
    UUID publishUnsigned(PraEvent vote) {
        CloudEventAttributes attributes = attributesFor(vote);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.HEALTH, attributes.subject(),
                codec.write(vote));
        CloudEventHeaders.write(attributes, record.headers());
        sendAndWait(record);
        return UUID.fromString(attributes.id());
    }

    /** Publishes a vote signed with {@code signer}'s key: one observer (or whoever holds its key) voting as another. */
    UUID publishSignedBy(PraEvent vote, String signer) {
        CloudEventAttributes attributes = attributesFor(vote);
        byte[] payload = codec.write(vote);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.HEALTH, attributes.subject(), payload);
        CloudEventHeaders.write(attributes, record.headers());
        observers.signAs(signer, record.headers(), attributes, payload);
        sendAndWait(record);
        return UUID.fromString(attributes.id());
    }

    /** Publishes {@code event} under a given CloudEvents id (to replay a duplicate). */
    void publishWithId(PraEvent event, UUID id) {
        CloudEventAttributes fresh = attributesFor(event);
        CloudEventAttributes attributes = new CloudEventAttributes(id.toString(), fresh.source(), fresh.type(),
                fresh.subject(), fresh.time(), fresh.specVersion(), fresh.dataContentType());
        send(EventType.of(event).topic(), attributes, event);
    }

    private CloudEventAttributes attributesFor(PraEvent event) {
        return isVote(event) ? TestObservers.attributes(event, clock.instant()) : cloudEvents.attributesFor(event);
    }

    private static boolean isVote(PraEvent event) {
        return event instanceof SiteDown || event instanceof SiteUp;
    }

    /** Publishes a raw payload under the given type: malformed or unknown-type records. */
    UUID publishRaw(String topic, String type, String site, String json) {
        UUID id = UUID.randomUUID();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, site, json.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.SPEC_VERSION, bytes("1.0"));
        record.headers().add(CloudEventHeaders.ID, bytes(id.toString()));
        record.headers().add(CloudEventHeaders.SOURCE, bytes(cloudEvents.source()));
        record.headers().add(CloudEventHeaders.TYPE, bytes(type));
        record.headers().add(CloudEventHeaders.SUBJECT, bytes(site));
        record.headers().add(CloudEventHeaders.TIME, bytes("2026-03-14T10:00:00Z"));
        record.headers().add(CloudEventHeaders.CONTENT_TYPE, bytes("application/json"));
        sendAndWait(record);
        return id;
    }

    /** Every record of {@code topic} from the beginning, within a few seconds of polling. */
    List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            int emptyPolls = 0;
            while (emptyPolls < 3) {
                var batch = consumer.poll(Duration.ofMillis(500));
                if (batch.isEmpty() && !consumer.assignment().isEmpty()) {
                    emptyPolls++;
                }
                batch.forEach(records::add);
            }
        }
        return records;
    }

    /** The events of type {@code recordClass} on {@code topic}. */
    <T extends PraEvent> List<T> events(String topic, Class<T> recordClass) {
        String type = EventType.of(recordClass).type();
        return readAll(topic).stream()
                .filter(record -> type.equals(header(record, CloudEventHeaders.TYPE)))
                .map(record -> codec.read(record.value(), recordClass))
                .toList();
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static String dlqTopic() {
        return Topics.dlq("failover-service");
    }

    private void send(String topic, CloudEventAttributes attributes, PraEvent event) {
        byte[] payload = codec.write(event);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, attributes.subject(), payload);
        CloudEventHeaders.write(attributes, record.headers());
        if (isVote(event)) {
            observers.sign(record.headers(), attributes, payload);
        }
        sendAndWait(record);
    }

    private void sendAndWait(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + record.topic(), e);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
