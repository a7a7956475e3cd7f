package io.pra.cli.ops;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.pra.events.CloudEventHeaders;
import io.pra.events.Topics;

/**
 * The dead letters of PRA's services: the records a consumer could not accept (not a valid PRA event), which SmallRye
 * Kafka wrote to {@code pra.dlq.<service>} with the original key, value and headers plus {@code dead-letter-*}
 * headers saying where the record came from and why it was refused. Reads a topic from its start to its end without a
 * consumer group (nothing committed, no group to grant); re-publishes to the original topic byte for byte.
 */
final class DeadLetters implements AutoCloseable {

    /** Headers SmallRye Kafka's dead-letter queue adds; dropped when a letter is re-published. */
    static final String PREFIX = "dead-letter-";
    static final String TOPIC = PREFIX + "topic";
    static final String PARTITION = PREFIX + "partition";
    static final String OFFSET = PREFIX + "offset";
    static final String REASON = PREFIX + "reason";
    static final String CAUSE = PREFIX + "cause";

    /** One dead letter as it sits in its dead-letter topic. */
    record Letter(String dlqTopic, int partition, long offset, Instant deadAt, String key, byte[] value,
            Headers headers) {

        String originalTopic() {
            return header(TOPIC);
        }

        /** Where it came from, e.g. {@code pra.backup[2]@41}, or {@code ?} when the headers do not say. */
        String origin() {
            String topic = originalTopic();
            return topic == null ? "?" : topic + "[" + header(PARTITION) + "]@" + header(OFFSET);
        }

        String id() {
            return header(CloudEventHeaders.ID);
        }

        String type() {
            return header(CloudEventHeaders.TYPE);
        }

        /** Why it was refused: the reason, with its cause when SmallRye recorded one. */
        String reason() {
            String reason = header(REASON);
            String cause = header(CAUSE);
            if (reason == null) {
                return cause == null ? "(no reason recorded)" : cause;
            }
            return cause == null || reason.contains(cause) ? reason : reason + " (" + cause + ")";
        }

        String header(String name) {
            Header header = headers.lastHeader(name);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }

        /** Its headers as first published: the CloudEvents and signature headers, without the dead-letter ones. */
        Headers originalHeaders() {
            RecordHeaders original = new RecordHeaders();
            for (Header header : headers) {
                if (!header.key().startsWith(PREFIX)) {
                    original.add(header.key(), header.value());
                }
            }
            return original;
        }
    }

    private final String bootstrap;
    private final KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> producer;

    DeadLetters(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * The dead-letter topic an argument names: a topic ({@code pra.dlq.failover-service}) or a service
     * ({@code failover-service}).
     */
    static String dlqTopic(String topicOrService) {
        return topicOrService.startsWith(Topics.DLQ_PREFIX) ? topicOrService : Topics.dlq(topicOrService);
    }

    /** The dead-letter topics that exist, sorted. */
    List<String> topics() {
        return consumer.listTopics(Duration.ofSeconds(10)).keySet().stream()
                .filter(topic -> topic.startsWith(Topics.DLQ_PREFIX)).sorted().toList();
    }

    /** Every letter of {@code dlqTopic}, oldest first per partition; empty when the topic does not exist. */
    List<Letter> read(String dlqTopic) {
        List<PartitionInfo> partitions = consumer.partitionsFor(dlqTopic, Duration.ofSeconds(10));
        if (partitions == null || partitions.isEmpty()) {
            return List.of();
        }
        List<TopicPartition> assigned = partitions.stream()
                .map(p -> new TopicPartition(dlqTopic, p.partition())).toList();
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
        Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
        List<Letter> letters = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (assigned.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + dlqTopic + " to its end within 30 s");
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                letters.add(new Letter(record.topic(), record.partition(), record.offset(),
                        Instant.ofEpochMilli(record.timestamp()), record.key(), record.value(), record.headers()));
            }
        }
        letters.sort(Comparator.comparingInt(Letter::partition).thenComparingLong(Letter::offset));
        return letters;
    }

    /** Publishes {@code letter} again on its original topic: same key, value and original headers. */
    void republish(Letter letter) {
        try {
            producer().send(new ProducerRecord<>(letter.originalTopic(), null, letter.key(), letter.value(),
                    letter.originalHeaders())).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot publish to " + letter.originalTopic() + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
            producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
