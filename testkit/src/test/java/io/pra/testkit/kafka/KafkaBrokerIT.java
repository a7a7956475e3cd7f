package io.pra.testkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KafkaBrokerIT {

    private final KafkaBroker broker = KafkaBroker.embedded();

    @AfterEach
    void closeBroker() {
        broker.close();
    }

    @Test
    void startsAndServesRecordsToAConsumer() throws Exception {
        long startedAt = System.nanoTime();
        broker.start();
        String topic = "kit-" + UUID.randomUUID();
        send(topic, "site-a", "hello");

        List<ConsumerRecord<String, String>> records = consume(topic, 1);
        long firstRecordMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);

        assertThat(records).extracting(ConsumerRecord::key, ConsumerRecord::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("site-a", "hello"));
        System.out.printf("Kafka broker start to first record consumed: %d ms%n", firstRecordMillis);
    }

    @Test
    void createsTopicsWithThePartitionCountAskedFor() throws Exception {
        broker.start();
        broker.createTopics(Map.of("kit.three", 3, "kit.one", 1));
        broker.createTopic("kit.three", 3);

        try (var admin = broker.admin()) {
            var descriptions = admin.describeTopics(List.of("kit.three", "kit.one")).allTopicNames().get();
            assertThat(descriptions.get("kit.three").partitions()).hasSize(3);
            assertThat(descriptions.get("kit.one").partitions()).hasSize(1);
        }
    }

    @Test
    void restartKeepsPortAndData() throws Exception {
        broker.start();
        String bootstrap = broker.bootstrapServers();
        String topic = "kit-restart-" + UUID.randomUUID();
        send(topic, "a", "before");

        broker.stop();
        assertThat(broker.isRunning()).isFalse();
        broker.start();

        assertThat(broker.bootstrapServers()).isEqualTo(bootstrap);
        send(topic, "a", "after");
        assertThat(consume(topic, 2)).extracting(ConsumerRecord::value).containsExactly("before", "after");
    }

    @Test
    void closeRemovesTheLogDirectory() {
        broker.start();
        Path logDir = broker.logDir();
        assertThat(logDir).isDirectory();

        broker.close();

        assertThat(Files.exists(logDir)).isFalse();
    }

    @Test
    void externalBrokerIsLeftAlone() {
        KafkaBroker external = KafkaBroker.external("broker.example:9092");
        external.start();
        external.stop();
        external.close();

        assertThat(external.isExternal()).isTrue();
        assertThat(external.bootstrapServers()).isEqualTo("broker.example:9092");
    }

    @Test
    void bootstrapOfANeverStartedBrokerIsAnError() {
        assertThatThrownBy(broker::bootstrapServers).hasMessageContaining("never started");
    }

    private void send(String topic, String key, String value) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (var producer = new KafkaProducer<String, String>(props)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private List<ConsumerRecord<String, String>> consume(String topic, int count) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "kit-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (var consumer = new KafkaConsumer<String, String>(props)) {
            consumer.subscribe(List.of(topic));
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
