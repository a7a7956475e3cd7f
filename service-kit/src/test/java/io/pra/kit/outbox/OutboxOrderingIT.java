package io.pra.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.pra.kit.KitDatabase;
import io.pra.testkit.SharedInfrastructure;
import io.pra.testkit.kafka.KafkaBroker;

/**
 * Two relays (as two replicas would run them) publish one outbox that a writer keeps filling, against the real
 * PostgreSQL and Kafka: every key's events arrive in the order they were written, each exactly once.
 */
class OutboxOrderingIT {

    private static final String TOPIC = "kit.ordering";
    private static final int KEYS = 6;
    private static final int EVENTS = 600;
    private static final Pattern SEQ = Pattern.compile("\"seq\": ?(\\d+)");

    private KitDatabase database;
    private KafkaBroker broker;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeEach
    void setUp() {
        database = KitDatabase.create();
        broker = SharedInfrastructure.kafka();
        broker.createTopic(TOPIC, 3);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
        database.close();
    }

    @Test
    void twoRelaysKeepEveryKeysOrder() throws Exception {
        AtomicInteger publishedByA = startRelay("a");
        AtomicInteger publishedByB = startRelay("b");

        Map<String, Integer> nextSeq = new LinkedHashMap<>();
        try (Connection connection = database.dataSource().getConnection()) {
            for (int i = 0; i < EVENTS; i++) {
                String key = "site-" + (i % KEYS);
                database.appendOutbox(connection, TOPIC, key, nextSeq.merge(key, 1, Integer::sum) - 1);
            }
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                database.count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")).isZero());
        Map<String, List<Integer>> received = consumeAll(EVENTS);

        List<Integer> perKey = IntStream.range(0, EVENTS / KEYS).boxed().toList();
        assertThat(received).hasSize(KEYS).allSatisfy((key, seqs) -> assertThat(seqs).as(key).isEqualTo(perKey));
        assertThat(publishedByA.get() + publishedByB.get()).isEqualTo(EVENTS);
        assertThat(publishedByA.get()).as("relay a published").isPositive();
        assertThat(publishedByB.get()).as("relay b published").isPositive();
    }

    private AtomicInteger startRelay(String name) {
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer());
        OutboxPublisher publisher = new OutboxPublisher(database.dataSource(), producer, 7, Duration.ofSeconds(10),
                Clock.systemUTC());
        AtomicInteger published = new AtomicInteger();
        ScheduledExecutorService relay = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, name));
        relay.scheduleWithFixedDelay(() -> {
            try {
                published.addAndGet(publisher.drain());
            } catch (SQLException | OutboxSendException e) {
                throw new IllegalStateException("relay " + name + " failed", e);
            }
        }, 0, 1, TimeUnit.MILLISECONDS);
        closing.add(producer);
        closing.add(() -> {
            relay.shutdown();
            relay.awaitTermination(10, TimeUnit.SECONDS);
        });
        return published;
    }

    private Map<String, List<Integer>> consumeAll(int expected) {
        Map<String, List<Integer>> received = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "ordering-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(IntStream.range(0, 3).mapToObj(p -> new TopicPartition(TOPIC, p)).toList());
            consumer.seekToBeginning(consumer.assignment());
            AtomicInteger count = new AtomicInteger();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Matcher seq = SEQ.matcher(record.value());
                    assertThat(seq.find()).as(record.value()).isTrue();
                    received.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(Integer.parseInt(seq.group(1)));
                    count.incrementAndGet();
                }
                return count.get() >= expected;
            });
            assertThat(consumer.poll(Duration.ofMillis(500))).as("no duplicate").isEmpty();
        }
        return received;
    }
}
