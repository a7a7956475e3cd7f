package io.pra.notifier;

import static io.pra.notifier.NotifierFixtures.failoverCompleted;
import static io.pra.notifier.NotifierFixtures.site;
import static io.pra.notifier.NotifierFixtures.siteDown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.pra.events.CloudEventAttributes;
import io.pra.events.CloudEventFactory;
import io.pra.events.CloudEventHeaders;
import io.pra.events.Topics;
import io.pra.testkit.sink.SlackSink;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(NotifierTestResource.class)
class DeadLetterIT {

    private static final String DLQ = Topics.dlq("notifier-service");

    SlackSink slack;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void malformedRecordsAreDeadLetteredWithTheReasonAndTheConsumerKeepsGoing() {
        String site = site("dlq");
        CloudEventFactory factory = new CloudEventFactory("failover-service", "test", Clock.systemUTC());
        CloudEventAttributes badJson = factory.attributesFor(failoverCompleted(site, UUID.randomUUID()));
        CloudEventAttributes badField = factory.attributesFor(siteDown(site, 1));
        CloudEventAttributes unknown = new CloudEventAttributes(UUID.randomUUID().toString(), "/pra/test/x",
                "pra.site.down", site, java.time.Instant.now(), "1.0", "application/json");
        CloudEventAttributes good;
        try (NotifierFixtures.Publisher publisher = new NotifierFixtures.Publisher(bootstrapServers)) {
            publisher.send(Topics.FAILOVER, site, "{not json".getBytes(StandardCharsets.UTF_8), badJson);
            publisher.send(Topics.HEALTH, site, ("{\"site\":\"" + site + "\",\"sequence\":\"seven\"}")
                    .getBytes(StandardCharsets.UTF_8), badField);
            RecordHeaders noType = new RecordHeaders();
            CloudEventHeaders.write(unknown, noType);
            noType.remove(CloudEventHeaders.TYPE);
            noType.add(CloudEventHeaders.TYPE, "pra.site.exploded".getBytes(StandardCharsets.UTF_8));
            publisher.sendRaw(Topics.HEALTH, site, "{}", noType);
            good = publisher.publish(siteDown(site, 2));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> Inbox.accepted(slack, good.id()).size() == 1);
        List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            dead.clear();
            dead.addAll(deadLetters(site));
            return dead.size() >= 2;
        });
        assertThat(dead).hasSize(2);
        assertThat(dead).extracting(record -> header(record, CloudEventHeaders.ID))
                .containsExactlyInAnyOrder(badJson.id(), badField.id());
        assertThat(dead).extracting(record -> header(record, "dead-letter-reason"))
                .anyMatch(reason -> reason.contains("pra.failover.completed") && reason.contains("malformed JSON"))
                .anyMatch(reason -> reason.contains("pra.site.down") && reason.contains("/sequence"));
        assertThat(Inbox.posts(slack, site)).hasSize(1);
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters(String site) {
        Properties properties = new Properties();
        properties.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(List.of(DLQ));
            for (int poll = 0; poll < 5; poll++) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (site.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
        }
        return found;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
