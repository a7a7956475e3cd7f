package io.pra.cli.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.pra.cli.ops.KeyFields;
import io.pra.events.CloudEventAttributes;
import io.pra.events.CloudEventHeaders;
import io.pra.events.EventCodec;
import io.pra.events.EventType;
import io.pra.events.PraEvent;
import io.pra.events.Topics;

/**
 * Reads every {@code pra.*} topic (dead-letter topics included) from the beginning, keeps what it saw for the
 * report, and tells {@link EventNarrator} so the terminal shows the run as it happens.
 */
final class EventFeed implements AutoCloseable {

    /** The CloudEvents types of observers' votes. */
    static final Set<String> VOTE_TYPES = Set.of("pra.site.down", "pra.site.up");

    /**
     * One vote record exactly as the broker delivered it (key, value and headers, signature included), with when the
     * drill received it, so that replay-votes can publish it again byte for byte.
     */
    record RawVote(Instant receivedAt, String key, byte[] value, org.apache.kafka.common.header.Header[] headers) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final EventCodec codec = new EventCodec();
    private final List<ObservedEvent> events = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> dlq = new LinkedHashMap<>();
    private final Set<String> seenIds = new HashSet<>();
    private final List<RawVote> votes = new CopyOnWriteArrayList<>();
    private final EventNarrator narrator;
    private final Thread thread;
    private volatile boolean running = true;

    EventFeed(String bootstrapServers, EventNarrator narrator) {
        this.narrator = narrator;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "pra-drill-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000");
        props.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(Pattern.compile("pra\\..*"));
        thread = new Thread(this::loop, "drill-event-feed");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void loop() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    accept(record);
                }
            }
        } catch (WakeupException e) {
            // Closing.
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void accept(ConsumerRecord<String, byte[]> record) {
        Instant received = Instant.now();
        if (record.topic().startsWith(Topics.DLQ_PREFIX)) {
            synchronized (dlq) {
                dlq.merge(record.topic(), 1, Integer::sum);
            }
            events.add(new ObservedEvent(received, record.topic(), null, "dead-letter", record.key(), received, null,
                    Map.of("topic", record.topic())));
            narrator.deadLetter(record.topic(), record.key());
            return;
        }
        CloudEventAttributes attributes;
        try {
            attributes = CloudEventHeaders.read(record.headers());
        } catch (RuntimeException e) {
            return;
        }
        if (!seenIds.add(attributes.id())) {
            return; // an at-least-once redelivery (or a replay): the same event again
        }
        if (record.topic().equals(Topics.HEALTH) && VOTE_TYPES.contains(attributes.type())) {
            votes.add(new RawVote(received, record.key(), record.value(), record.headers().toArray()));
        }
        PraEvent event = null;
        if (EventType.find(attributes.type()).isPresent()) {
            try {
                event = codec.read(record.value(), attributes.type());
            } catch (RuntimeException e) {
                event = null;
            }
        }
        ObservedEvent observed = new ObservedEvent(received, record.topic(), attributes.id(), attributes.type(),
                attributes.subject(), attributes.time(), event, KeyFields.of(event));
        events.add(observed);
        narrator.narrate(observed);
    }

    /** The vote records seen on pra.health, as they were on the wire, in arrival order (replays excluded). */
    List<RawVote> votes() {
        return List.copyOf(votes);
    }

    /** Everything seen so far, in arrival order. */
    List<ObservedEvent> events() {
        return List.copyOf(events);
    }

    List<ObservedEvent> events(Predicate<ObservedEvent> filter) {
        List<ObservedEvent> result = new ArrayList<>();
        for (ObservedEvent event : events) {
            if (filter.test(event)) {
                result.add(event);
            }
        }
        return result;
    }

    boolean seen(String type) {
        return events.stream().anyMatch(e -> type.equals(e.type()));
    }

    int count(String type) {
        return (int) events.stream().filter(e -> type.equals(e.type())).count();
    }

    Map<String, Integer> deadLetters() {
        synchronized (dlq) {
            return Map.copyOf(dlq);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
