package io.pra.notifier;

import static io.pra.notifier.NotifierFixtures.site;
import static io.pra.notifier.NotifierFixtures.siteDown;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.pra.events.CloudEventAttributes;
import io.pra.events.Topics;
import io.pra.testkit.SharedInfrastructure;
import io.pra.testkit.db.PostgresServer;
import io.pra.testkit.sink.SlackSink;
import io.pra.testkit.sink.SmtpSink;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A valid event received while the database is down is retried in place, not dead-lettered. */
@QuarkusTest
@WithTestResource(NotifierTestResource.class)
class DatabaseOutageIT {

    SlackSink slack;
    SmtpSink smtp;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void anEventReceivedWhileTheDatabaseIsDownIsDeliveredOnceWhenItReturns() {
        String site = site("outage");
        PostgresServer postgres = SharedInfrastructure.postgres();
        assertThat(postgres.isOwned()).as("the test kit's embedded PostgreSQL (it can be stopped)").isTrue();
        double retriesBefore = intakeRetries();
        CloudEventAttributes event;
        postgres.stop();
        try {
            try (NotifierFixtures.Publisher publisher = new NotifierFixtures.Publisher(bootstrapServers)) {
                event = publisher.publish(siteDown(site, 1));
            }
            // The notifier has received it and failed to record it (retried, or dead-lettered as it once was).
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> intakeRetries() >= retriesBefore + 2 || !deadLetters(site).isEmpty());
        } finally {
            postgres.start();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> Inbox.accepted(slack, event.id()).size() == 1
                && Inbox.mails(smtp, site).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> Inbox.posts(slack, site).size() == 1 && Inbox.mails(smtp, site).size() == 1);
        assertThat(deadLetters(site)).isEmpty();
    }

    private double intakeRetries() {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return text.lines().filter(line -> line.startsWith("pra_notifier_intake_retries_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** Keys of the records on the dead-letter topic for the site, read to the topic's end. */
    private List<String> deadLetters(String site) {
        Properties properties = new Properties();
        properties.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        String topic = Topics.dlq("notifier-service");
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                assertThat(System.nanoTime()).as("dead-letter topic read to its end in time").isLessThan(deadline);
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (site.equals(record.key())) {
                        found.add(record.key());
                    }
                });
            }
        }
        return found;
    }
}
