package io.pra.failover.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.pra.failover.domain.QuorumPolicy;
import io.pra.testkit.kafka.KafkaBroker;

/**
 * Where a vote consumer starts on a real broker: a group that never committed reads only the votes younger than the
 * TTL, however much history the topic retains; a group that committed resumes where it stopped.
 */
class FreshVotesOnlyIT {

    private static final Duration TTL = Duration.ofSeconds(30);
    private static KafkaBroker broker;

    private final Instant now = Instant.now();
    private final FreshVotesOnly listener = new FreshVotesOnly(Clock.fixed(now, ZoneOffset.UTC),
            QuorumPolicy.majority(Map.of("obs-1", "site-a", "obs-2", "site-b", "obs-3", "witness"), 2, TTL));

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.embedded().start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void aGroupThatNeverCommittedReadsOnlyVotesYoungerThanTheTtl() {
        String topic = topicWith("week-old", now.minus(Duration.ofDays(7)), "minute-old", now.minusSeconds(60),
                "fresh-1", now.minusSeconds(10), "fresh-2", now.minusSeconds(1));

        assertThat(read(topic, "group-" + UUID.randomUUID(), 2)).containsExactly("fresh-1", "fresh-2");
    }

    @Test
    void aGroupWithNoVoteYoungerThanTheTtlStartsAtTheEnd() {
        String topic = topicWith("week-old", now.minus(Duration.ofDays(7)), "minute-old", now.minusSeconds(60));
        String group = "group-" + UUID.randomUUID();

        assertThat(read(topic, group, 0)).isEmpty();
        send(topic, "later", now);
        assertThat(read(topic, group, 1)).containsExactly("later");
    }

    @Test
    void aGroupThatCommittedResumesWhereItStopped() {
        String topic = topicWith("week-old", now.minus(Duration.ofDays(7)));
        String group = "group-" + UUID.randomUUID();
        try (KafkaConsumer<String, byte[]> consumer = consumer(group, "earliest")) {
            // Commit offset 0 by hand, as a group that had consumed nothing yet but had started would have.
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            consumer.commitSync(Map.of(new TopicPartition(topic, 0),
                    new org.apache.kafka.clients.consumer.OffsetAndMetadata(0)));
        }

        assertThat(read(topic, group, 1)).containsExactly("week-old");
    }

    /** A one-partition topic stamped with its producers' times, holding these values at these times. */
    private String topicWith(Object... valuesAndTimes) {
        String topic = "votes-" + UUID.randomUUID();
        try {
            broker.admin().createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                    .configs(Map.of("message.timestamp.type", "CreateTime",
                            "message.timestamp.before.max.ms", String.valueOf(Duration.ofDays(30).toMillis())))))
                    .all().get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < valuesAndTimes.length; i += 2) {
            send(topic, (String) valuesAndTimes[i], (Instant) valuesAndTimes[i + 1]);
        }
        return topic;
    }

    private static void send(String topic, String value, Instant at) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, 0, at.toEpochMilli(), "a",
                    value.getBytes(StandardCharsets.UTF_8))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The values a consumer of {@code group} reads first, with the listener as failover-service has it. */
    private List<String> read(String topic, String group, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(group, "earliest")) {
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    listener.onPartitionsAssigned(consumer, partitions);
                }

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(expected == 0 ? 5 : 20).toNanos();
            while (System.nanoTime() < deadline && (expected == 0 || values.size() < expected)) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(new String(r.value(), StandardCharsets.UTF_8)));
            }
            consumer.commitSync();
        }
        return values;
    }

    private static KafkaConsumer<String, byte[]> consumer(String group, String reset) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, reset,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new ByteArrayDeserializer());
    }
}
